"""Hostile submissions: the attack catalogue (``cases``) and the machinery
that runs them through the real nbgrader loop and checks the aftermath
(``kit``). Used by ``test_hostile.py`` and ``test_hostile_isolation.py``."""
