"""Two ways to call a graded function, with one interface.

:class:`SandboxRunner` calls the learner's function in its sandbox;
:class:`ReferenceRunner` calls our own code (reference, mutants) in this
process the same way: deep-copied arguments, Keras markers made real,
results turned into data (arrays, summaries of Keras objects). Both can run
a returned Keras model or layer again on hidden inputs (``run_model``).
"""
import contextlib
import copy
import io

import numpy as np

from . import reference_memo, sandbox_child
from .sandbox import Outcome


def to_data(value):
    return sandbox_child.decode(sandbox_child.encode(value))


class ReferenceRunner:
    """Calls our own code as the sandbox calls the learner's."""

    def __init__(self, fn, memo=False):
        self.fn = fn
        self.memo = memo     # replay results made before (reference_memo)

    def call(self, args, kwargs, seed=None, tensors=False, rebind=None):
        found = reference_memo.key(self.fn, args, kwargs, rebind) \
            if self.memo and seed is None and not tensors else None
        outcome = reference_memo.replay(found, _store())
        if outcome is None:
            random_before = np.random.get_state()
            outcome = self._call(args, kwargs, seed, tensors, rebind)
            reference_memo.remember(found, outcome, _store(), random_before)
        return outcome

    def _call(self, args, kwargs, seed, tensors, rebind):
        if seed is not None:
            np.random.seed(seed)
        args = copy.deepcopy(list(args))
        call_args = sandbox_child._tensors(args) if tensors else args
        # what our code prints (who_is_it's answer) stays out of the
        # grader's log: the learner sees their own printing in the notebook
        with np.errstate(all='ignore'), \
                contextlib.redirect_stdout(io.StringIO()):
            call_args, _, value = sandbox_child.call_function(
                self.fn, call_args, copy.deepcopy(kwargs), rebind,
                _globals(self.fn))
        pairs, parts = sandbox_child.aliases(value)
        # a tf.Variable argument (KerasMake('tf', 'Variable')) comes back
        # with the values the call left in it, as from the sandbox
        made = any(getattr(a, 'keras_marker', None) == 'make' and
                   getattr(a, 'module', None) == 'tf' for a in args)
        return Outcome(to_data(value), to_data(call_args if made else args),
                       type(value).__name__,
                       [tuple(p) for p in pairs], parts)

    def run_model(self, handle, inputs, kwargs=None, weights=None):
        kw = sandbox_child.keras_wire()
        obj = kw.STORE[handle]
        out = kw.run(obj, copy.deepcopy(list(inputs)), dict(kwargs or {}),
                     weights)
        return to_data(out), kw.summarize(obj)

    def weights(self, handle):
        """Our object's weight values by group (it lives in this process)."""
        kw = sandbox_child.keras_wire()
        return kw.weights_of(kw.STORE[handle])


def _globals(fn):
    """The namespace a function (or a class's methods) looks names up in."""
    if hasattr(fn, '__globals__'):
        return fn.__globals__
    for member in vars(fn).values() if isinstance(fn, type) else ():
        if hasattr(member, '__globals__'):
            return member.__globals__
    return {}


class SandboxRunner:
    """Calls the learner's function loaded in a :class:`Sandbox`."""

    def __init__(self, sandbox):
        self.sandbox = sandbox

    def call(self, args, kwargs, seed=None, tensors=False, rebind=None):
        return self.sandbox.call(args, kwargs, seed=seed, tensors=tensors,
                                 rebind=rebind)

    def run_model(self, handle, inputs, kwargs=None, weights=None):
        return self.sandbox.run_model(handle, inputs, kwargs, weights)


def _store():
    """Where our side keeps Keras objects ([] while Keras is not loaded)."""
    module = sandbox_child.sys.modules.get('autograder.keras_wire')
    return module.STORE if module is not None else []


def clear_store():
    """Forget the Keras objects our code built (one spec run's worth); a
    new trial starts."""
    _store().clear()
    reference_memo.new_trial()
