"""The next learner's sandbox, started while this learner is graded.

A TensorFlow notebook's sandbox spends its first seconds importing the
notebook's modules (about 8 s on a busy core) before it can load a learner's
cell. Those imports are ours, the master's import cell, the same for every
learner: no learner code runs in them. So when ``nbgrader autograde`` grades
a class, each submission takes the child started for it while the one
before was graded (it imported on the other core meanwhile), and starts the
one for the next submission.

The spare is made for one assignment's limits and imports; a submission of
another assignment closes it and starts its own. At most one spare lives at a
time, and it is closed when the grading process ends (it is killed with the
process under isolation, ``--die-with-parent``, and exits on its closed
stdin otherwise). ``DLS_SPARE_SANDBOX=off`` turns spares off.
"""
import atexit
import os

from .sandbox import Sandbox, SandboxError

_SPARE = {}          # (limits, prelude) -> Sandbox already importing


def enabled():
    return os.environ.get('DLS_SPARE_SANDBOX', 'on') != 'off'


def _key(limits, prelude):
    return tuple(sorted(vars(limits).items())), prelude


def _start(limits, prelude):
    box = Sandbox(limits)
    box.warm(prelude)
    return box


def take(limits, prelude):
    """A sandbox for one submission, its imports done or under way; the
    spare for the next submission starts importing now (unless spares are
    turned off)."""
    if not enabled():
        return _start(limits, prelude)
    key = _key(limits, prelude)
    box = _SPARE.pop(key, None)
    close()                         # a spare of another assignment
    if box is None or box.dead or box.proc.poll() is not None:
        if box is not None:
            box.close()
        box = _start(limits, prelude)
    try:
        _SPARE[key] = _start(limits, prelude)
    except SandboxError:            # no spare: the next one starts cold
        pass
    return box


def close():
    """Close the spare, if any."""
    for box in _SPARE.values():
        box.close()
    _SPARE.clear()


atexit.register(close)
