"""Helpers shared by the check modules: likely causes and scalar results."""
import numpy as np


def likely(value, candidates, default='compare your formula with the one '
           'in the instructions'):
    """Return the hint of the first known bug whose output equals `value`.

    Args:
        value: what the learner's function returned.
        candidates: list of ``(wrong_output, hint)`` pairs, one per known
            bug, computed on the same input.
        default: str, returned when no candidate matches.

    Returns:
        str: ``'likely cause: <hint>'`` or `default`.
    """
    try:
        value = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        return default
    for wrong, hint in candidates:
        wrong = np.asarray(wrong, dtype=float)
        if value.shape == wrong.shape and np.allclose(value, wrong):
            return f'likely cause: {hint}'
    return default


def call(c, fn, *args, hint):
    """Call `fn` like ``c.call``, adding a likely cause to a crash."""
    try:
        return fn(*args)
    except NotImplementedError:
        return c.call(fn, *args)  # reports "not implemented yet"
    except Exception as err:  # the learner's bug, reported in one line
        c.fail(f'raised {type(err).__name__}: {err} — likely cause: {hint}.')


def scalar(c, value, what, hint='sum over all entries, e.g. with np.sum'):
    """Fail unless `value` is a float, a NumPy float or a 0-d array."""
    ok = isinstance(value, (float, np.floating)) or (
        isinstance(value, np.ndarray) and value.ndim == 0)
    c.true(ok, f'{what} should be a single number (float), got '
               f'{type(value).__name__} with shape {np.shape(value)} — '
               f'{hint}.')
