"""Helpers the course notebooks import: data loaders, plots and public checks.

Import them by module, never with ``*``::

    from shared_utils import data, plots, runtime
    from shared_utils.checks import c1_w2a2 as checks

Nothing in this package holds a learner's solution for the notebook that
imports it; later notebooks use the reference code in ``nn_reference``.
"""
