"""Our own code's results (the reference's, and the mutants' that name a
likely cause), remembered between the trials of one process.

Every trial of a function (the learner's, each mutant's in the tests, each
learner's in one ``nbgrader autograde``) asks our reference for the same
results on the same inputs: the spec's generator is seeded per function.
For a Keras builder that is the expensive half of grading (a ResNet-50
built and run again for every submission). ``Trial.ref`` therefore replays
a result it already made in this process, when

- the call's arguments (and rebound functions) are byte-for-byte the same
  and it is the same n-th such call of the trial;
- the call left NumPy's global random state as it found it (a result that
  consumed it is made again, so what follows draws the same numbers);
- every Keras object the result holds still has the trainable flags and
  compile state it had when it was made (a check that froze layers or
  compiled it makes it be built afresh).

Data results are deep copies; Keras objects come back under a new handle
with the weight values they had when made (running with ``training=True``
moves batch-norm statistics: they are put back).
A mutant is our code too: diagnosing a wrong result runs every mutant of
the function on the same inputs, and the next learner (or the next mutant in
the tests) whose result is wrong asks for the same results again.
Only the functions used last are remembered, and no more than
``KEEP_BYTES`` of remembered weights (memory stays bounded).
"""
import copy
import hashlib
import pickle
from collections import OrderedDict

import numpy as np

from .sandbox_child import KerasSummary

KEEP_FUNCTIONS = 64       # a notebook's graded functions and their mutants
KEEP_BYTES = 1 << 30      # remembered Keras weights, all functions together
_ENTRIES = OrderedDict()  # function -> {(digest, n): (outcome, objects)}
_SEEN = {}                # (function, digest) -> calls so far this trial


def forget():
    """Drop everything remembered."""
    _ENTRIES.clear()
    _SEEN.clear()


def new_trial():
    """A trial starts: occurrences count from zero again."""
    _SEEN.clear()


def _walk(value):
    """Every KerasSummary inside a result (lists, tuples, dicts)."""
    if isinstance(value, KerasSummary):
        yield value
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _walk(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _walk(item)


def key(fn, args, kwargs, rebind):
    """(fn, digest, n): the call's arguments and how many times this trial
    made the same call before; None when they cannot be compared."""
    if any(True for part in (args, kwargs) for _ in _walk(part)):
        return None           # handles mean different objects per trial
    try:
        blob = pickle.dumps((list(args), kwargs, rebind), protocol=4)
    except Exception:  # noqa: BLE001 (anything unpicklable: not remembered)
        return None
    digest = hashlib.sha256(blob).hexdigest()
    n = _SEEN.get((fn, digest), 0)
    _SEEN[(fn, digest)] = n + 1
    return fn, digest, n


def _entries(fn):
    entries = _ENTRIES.pop(fn, None) or {}
    _ENTRIES[fn] = entries                 # the most recent last
    while len(_ENTRIES) > KEEP_FUNCTIONS or (
            len(_ENTRIES) > 1 and _bytes() > KEEP_BYTES):
        _ENTRIES.popitem(last=False)
    return entries


def _bytes():
    """Weight bytes held by every remembered result."""
    return sum(value.nbytes for entries in _ENTRIES.values()
               for _outcome, objects in entries.values()
               for _obj, _print, values in objects for value in values)


def fingerprint(obj):
    """Trainable flags and compile state of a Keras object (its weights
    are kept as values: :func:`_weights`)."""
    layers = obj._flatten_layers(include_self=True, recursive=True)
    optimizer = getattr(obj, 'optimizer', None)
    return repr(([(layer.name, layer.trainable) for layer in layers],
                 getattr(obj, 'compiled', None), id(optimizer),
                 getattr(optimizer, 'iterations', None) is not None and
                 int(optimizer.iterations.numpy())))


def _weights(obj):
    return [np.array(weight.numpy()) for weight in obj.weights]


def replay(found, store):
    """The remembered outcome for `found` (a :func:`key`), or None."""
    if not found:
        return None
    entries = _entries(found[0])
    entry = entries.get(found[1:])
    if entry is None:
        return None
    outcome, objects = entry
    if any(fingerprint(obj) != print_ for obj, print_, _ in objects):
        del entries[found[1:]]
        return None
    outcome = copy.deepcopy(outcome)
    for summary, (obj, _, values) in zip(_walk(outcome.value), objects):
        for weight, value in zip(obj.weights, values):
            weight.assign(value)    # e.g. batch-norm statistics moved
        store.append(obj)
        summary.handle = len(store) - 1
    return outcome


def remember(found, outcome, store, random_before):
    """Keep `outcome` for replay when it is safe to (module docstring)."""
    if not found or not _same_state(random_before, np.random.get_state()):
        return
    objects = [(store[s.handle], fingerprint(store[s.handle]),
                _weights(store[s.handle])) for s in _walk(outcome.value)]
    _entries(found[0])[found[1:]] = (copy.deepcopy(outcome), objects)
    _entries(found[0])               # over the bounds now: drop the oldest


def _same_state(a, b):
    return a[0] == b[0] and np.array_equal(a[1], b[1]) and a[2:] == b[2:]
