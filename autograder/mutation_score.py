"""Mutation score of the hidden checks: how many generated mutants lose
points.

For one graded function:

1. :func:`autograder.mutation.generate` makes the mutants;
2. **inputs**: the spec runs on our reference under a few other random
   generators (``SEEDS``) while a recording wrapper keeps every argument it
   passes (and NumPy's global random state at the call, since ``t.call``
   may seed it);
3. **equivalent**: a mutant that returns the same values, of the same types,
   and leaves the arguments in the same state as the reference on every
   recorded input (NaN-aware, ``rtol=1e-9``) — it cannot be told apart, so
   it does not count;
4. **killed**: a non-equivalent mutant that scores less than full marks with
   :func:`autograder.grade.grade_in_process` at the official random
   generator (a crash or a time-out counts as killed, as in the sandbox).

Two kinds of full-marks mutants count as equivalent too, by the checks'
documented contract, not by chance:

- the same numbers in another numeric type (bool/int/float labels,
  np.float64 for float, a 0-d array for a scalar; same shapes): the checks
  compare numbers by value, and correct alternatives do return such types;
- another random seed (operator ``seed``) for a function that its hidden
  module lists in ``ANY_SEED``: its spec accepts any seeded generator (e.g.
  ``np.random.default_rng(3)``), so the seed's value is free.

A mutant on whose result the spec itself raises is a **spec error**, not a
kill: in real grading that exception would stop the grader, so the spec
must be made robust (``--survivors`` shows where). Every mutant run is
guarded by a wall-clock limit (SIGALRM) and prints go to nowhere.
Score = killed / (generated − equivalent).
"""
import contextlib
import copy
import io
import math
import os
import signal
import time
import traceback
import types
import warnings
from dataclasses import dataclass, field

import numpy as np

from . import grade, mutation, sandbox_child
from .sandbox import SandboxError
from .sandbox_child import KerasSummary, Opaque, decode, encode

SEEDS = (101, 202, 303, 404, 505)
RTOL, ATOL = 1e-9, 1e-12


class Timeout(BaseException):
    """A mutant ran past its time limit (BaseException: not caught by
    ``except Exception`` in the code under test)."""


@dataclass
class Outcome:
    mutant: mutation.Generated
    status: str        # 'equivalent' | 'killed' | 'survived' | 'spec error'
    detail: str = ''   # score, why it was killed or equivalent


@dataclass
class FunctionScore:
    assignment: str
    name: str
    outcomes: list = field(default_factory=list)
    seconds: float = 0.0

    def count(self, status):
        return sum(o.status == status for o in self.outcomes)

    @property
    def generated(self):
        return len(self.outcomes)

    @property
    def score(self):
        """Killed share of the non-equivalent mutants (1.0 when none)."""
        live = self.generated - self.count('equivalent')
        return self.count('killed') / live if live else 1.0

    @property
    def survivors(self):
        """Mutants that keep full marks, and those the spec crashed on."""
        return [o for o in self.outcomes
                if o.status in ('survived', 'spec error')]


@contextlib.contextmanager
def guarded(seconds):
    """Quiet (prints, warnings, floating-point errors) and time-limited."""
    def expire(signum, frame):
        raise Timeout(f'over {seconds:g} s')
    old = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        with contextlib.redirect_stdout(io.StringIO()), \
                warnings.catch_warnings(), np.errstate(all='ignore'):
            warnings.simplefilter('ignore')
            yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def _in_namespace_of(fn, wrapper):
    """`wrapper` re-made with `fn`'s globals, so that a spec's ``rebind``
    (another graded function swapped for one call) reaches `fn`, as in the
    sandbox. `wrapper` may use only its closure and builtins."""
    return types.FunctionType(wrapper.__code__, fn.__globals__,
                              wrapper.__name__, wrapper.__defaults__,
                              wrapper.__closure__)


def record_inputs(ref, name, seeds=SEEDS):
    """The calls the spec makes under other random generators: [(args,
    kwargs, numpy global random state, the sources rebound for the call)],
    or None for a call whose arguments cannot be copied. Sources, not the
    objects they made: a replay makes them afresh (train_step's optimizer
    is built for the variable it first updated)."""
    calls = []
    fn = ref.ns[name]

    def keep(args, kwargs):
        rebound = dict(sandbox_child.rebound.active)
        try:
            calls.append((copy.deepcopy(args), copy.deepcopy(kwargs),
                          np.random.get_state(), rebound))
        except Exception:   # e.g. symbolic Keras tensors
            calls.append(None)

    def recorder(*args, **kwargs):
        keep(args, kwargs)
        return fn(*args, **kwargs)
    for seed in seeds:
        with guarded(600):
            grade.grade_in_process(ref, name, _in_namespace_of(fn, recorder),
                                   np.random.default_rng(seed))
    return calls


def _data(value):
    """A value as the sandbox sends it back (tensors -> numpy)."""
    return decode(encode(value))


def _run(fn, call):
    """What `fn` does on one recorded call: the result's type name, the
    result, the arguments after the call (or the error's name)."""
    if call is None:
        return ('not replayable',)
    args, kwargs, state, rebound = call
    args, kwargs = copy.deepcopy(args), copy.deepcopy(kwargs)
    np.random.set_state(state)
    try:
        with sandbox_child.rebound(fn.__globals__, rebound):
            value = fn(*args, **kwargs)
    except Exception as err:   # the reference may raise on purpose
        return ('raised', type(err).__name__)
    return (type(value).__name__, _data(value), _data(list(args)),
            _data(kwargs))


def behaviour(fn, calls):
    """:func:`_run` on every recorded call."""
    return [_run(fn, call) for call in calls]


def differs(fn, calls, expected, loose=False):
    """Does `fn` behave otherwise than `expected` on some recorded call?
    Stops at the first difference; a call that could not be recorded
    counts as a difference (equivalence is never assumed)."""
    return any(call is None or not same(_run(fn, call), want, loose)
               for call, want in zip(calls, expected))


def _numeric(x):
    return isinstance(x, (bool, int, float, np.generic, np.ndarray)) and \
        np.asarray(x).dtype.kind in 'biuf'


NUMBER_TYPES = {'bool', 'int', 'float', 'bool_', 'int64', 'int32',
                'float64', 'ndarray'}


def same(a, b, loose=False):
    """Equal data, NaN-aware, numbers to ``RTOL``, types alike.

    `loose`: numbers compare by value whatever their numeric type (bool,
    int, float; np.float64 or float; a 0-d array or a scalar), as the
    hidden checks' ``t.close`` compares them; shapes must still agree.
    """
    if loose and _numeric(a) and _numeric(b):
        a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
        return a.shape == b.shape and bool(np.allclose(
            a, b, rtol=RTOL, atol=ATOL, equal_nan=True))
    if loose and isinstance(a, str) and isinstance(b, str) and \
            {a, b} <= NUMBER_TYPES:
        return True
    if isinstance(a, KerasSummary) or isinstance(b, KerasSummary):
        # a model or layer: its architecture (the handle is per build;
        # weights drawn at random are not compared)
        return (type(a) is type(b) and same(a.summary, b.summary, loose))
    if isinstance(a, dict) or isinstance(b, dict):
        return (type(a) is type(b) and a.keys() == b.keys()
                and all(same(a[k], b[k], loose) for k in a))
    if isinstance(a, (list, tuple)) or isinstance(b, (list, tuple)):
        return (type(a) is type(b) and len(a) == len(b)
                and all(same(x, y, loose) for x, y in zip(a, b)))
    if isinstance(a, Opaque) or isinstance(b, Opaque):
        return (isinstance(a, Opaque) and isinstance(b, Opaque)
                and a.type_name == b.type_name)
    if type(a) is not type(b):
        return False
    if isinstance(a, np.ndarray):
        if a.shape != b.shape or a.dtype != b.dtype:
            return False
        if a.dtype.kind not in 'fc':
            return bool(np.array_equal(a, b))
    if isinstance(a, (np.ndarray, np.generic, float, complex)):
        return bool(np.allclose(a, b, rtol=RTOL, atol=ATOL, equal_nan=True))
    return a == b


def _sandboxed(fn):
    """`fn` whose exceptions reach the spec like a sandbox crash does."""
    error = SandboxError

    def call(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except Exception as err:
            raise error({'type': type(err).__name__,
                         'message': str(err)}) from None
    return _in_namespace_of(fn, call)


def _compile(ref, mutant):
    ns = dict(ref.ns)
    exec(compile(mutant.source, f'<generated {mutant.name}>', 'exec'), ns)
    return ns[mutant.name]


def _where(err):
    """'ValueError at hidden/c1_w4a1.py:198: …' for a crash of a spec."""
    frames = [f for f in traceback.extract_tb(err.__traceback__)
              if f'{os.sep}autograder{os.sep}' in f.filename]
    place = ''
    if frames:
        f = frames[-1]
        place = (f' at {f.filename.rsplit(os.sep + "autograder" + os.sep)[-1]}'
                 f':{f.lineno}')
    return f'{type(err).__name__}{place}: {str(err)[:80]}'


def judge(ref, mutant, calls, expected, full, limit):
    """One :class:`Outcome` for `mutant` (see the module docstring)."""
    try:
        fn = _compile(ref, mutant)
        with guarded(limit):
            if not differs(fn, calls, expected):
                return Outcome(mutant, 'equivalent', 'same behaviour')
            loose = not differs(fn, calls, expected, loose=True)
            trial = grade.grade_in_process(ref, mutant.name, _sandboxed(fn))
    except Timeout as err:
        return Outcome(mutant, 'killed', f'time-out ({err})')
    except Exception as err:   # the spec itself choked on the result
        return Outcome(mutant, 'spec error', _where(err))
    score = f'{trial.passed}/{full}'
    if trial.passed < full:
        return Outcome(mutant, 'killed', score)
    if loose:
        return Outcome(mutant, 'equivalent', 'same numbers in another '
                       'numeric type, which the checks accept')
    if mutant.operator == 'seed' and mutant.name in getattr(
            ref.assignment.hidden, 'ANY_SEED', ()):
        return Outcome(mutant, 'equivalent', 'another seed: the spec '
                       'accepts any seeded generator (ANY_SEED)')
    return Outcome(mutant, 'survived', score)


def score_function(assignment_id, name, at_most=None, seeds=SEEDS):
    """:class:`FunctionScore` of one graded function; `at_most` keeps a
    deterministic subset of about that many mutants, evenly spread over the
    source (every k-th one)."""
    start = time.monotonic()
    ref = grade.reference(assignment_id)
    mutants = mutation.generate(name, ref.sources[name], ref.ns)
    if at_most and len(mutants) > at_most:
        mutants = mutants[::math.ceil(len(mutants) / at_most)]
    calls = record_inputs(ref, name, seeds)
    t0 = time.monotonic()
    with guarded(600):
        expected = behaviour(ref.ns[name], calls)
        if any(call is not None and not same(_run(ref.ns[name], call), want)
               for call, want in zip(calls, expected)):
            raise RuntimeError(f'{assignment_id}.{name}: the reference is '
                               'not deterministic on recorded inputs')
        full = grade.grade_in_process(ref, name, ref.ns[name]).total
    limit = max(10.0, 20 * (time.monotonic() - t0))
    result = FunctionScore(assignment_id, name)
    for mutant in mutants:
        result.outcomes.append(judge(ref, mutant, calls, expected, full,
                                     limit))
    result.seconds = time.monotonic() - start
    return result
