"""Public checks for C5_W1A2, Dinosaurus Island (character-level model).

One function per graded function: ``checks.sample(sample)``. Each runs on a
fixed small input (a vocabulary of 8 characters, the newline first;
expected values in ``_c5_w1a2_values``, computed once with our reference)
and stops at the first problem with a message naming the likely cause.
"""
import numpy as np

from . import _c5_w1a2_values as V
from ._base import check

KEYS = ('dWax', 'dWaa', 'dWya', 'db', 'dby')
PARAMS = ('Wax', 'Waa', 'Wya', 'b', 'by')


def _copy(d):
    return {k: np.array(v, dtype=float) for k, v in d.items()}


def _same(a, b):
    return np.shape(a) == np.shape(b) and np.allclose(a, b)


def _dict(c, value, keys, what):
    c.true(isinstance(value, dict), f'{what} should be a dict, got '
           f'{type(value).__name__}.')
    missing = [k for k in keys if k not in value]
    c.true(not missing, f'{what} lacks {", ".join(map(repr, missing))}.')


def clip(clip):
    """Clip a fixed set of gradients to [-5, 5] and to [-0.5, 0.5]."""
    with check('clip') as c:
        for max_value in (5, 0.5):
            given = _copy(V.GRADS)
            out = c.call(clip, given, max_value)
            _dict(c, out, KEYS, 'the result')
            c.true(all(_same(given[k], V.GRADS[k]) for k in KEYS),
                   'the gradients passed in changed — copy them first '
                   '(copy.deepcopy) and clip the copy, or build new arrays.')
            for k in KEYS:
                g = V.GRADS[k]
                c.shape(out[k], g.shape, f'{k}')
                inside = np.abs(g) <= max_value
                c.true(np.allclose(out[k][inside], g[inside]),
                       f'{k}: entries inside [-{max_value}, {max_value}] '
                       'must stay unchanged.')
                high, low = g > max_value, g < -max_value
                c.true(np.allclose(out[k][high], max_value),
                       f'{k}: entries above {max_value} should become '
                       f'{max_value} — is {k} clipped at all? np.clip(g, '
                       'lo, hi) returns a new array unless you pass out=g.')
                c.true(np.allclose(out[k][low], -max_value),
                       f'{k}: entries below -{max_value} should become '
                       f'-{max_value} — the lower bound is -maxValue.')


def sample(sample):
    """Sample two names from fixed weights; one run cannot draw '\\n'."""
    with check('sample') as c:
        params = _copy(V.PARAMS)
        out = c.call(sample, params, dict(V.CHAR_TO_IX), 3)
        c.true(all(_same(params[k], V.PARAMS[k]) for k in PARAMS),
               'sample changed the parameters.')
        c.type(out, list, 'the result')
        c.true(all(isinstance(i, (int, np.integer)) for i in out),
               'the result should hold integer indices.')
        c.true(len(out) > 0 and out[-1] == 0, 'the name should end with '
               "the newline's index, char_to_ix['\\n'] (0 here).")
        c.true(len(out) <= 51, f'{len(out)} indices: draw at most 50 '
               'characters (then append the newline).')
        out = [int(i) for i in out]
        c.true(len(set(out)) > 1 or len(out) == 1, 'every drawn character '
               'is the same — draw with np.random.choice(vocab_size, '
               'p=y.ravel()), not np.argmax(y).')
        if out != V.SAMPLE_3:
            k = next((i for i, (a, b) in enumerate(zip(out, V.SAMPLE_3))
                      if a != b), min(len(out), len(V.SAMPLE_3)))
            first = ('the first character differs — start from x = 0 and '
                     'a_prev = 0, and call np.random.seed(seed) once '
                     'before the first draw' if k == 0 else
                     f'the characters agree up to position {k - 1} — '
                     'seed once before the loop (not at every step), and '
                     'feed the drawn character back as a one-hot x (zeros '
                     'elsewhere) with a_prev = a')
            c.fail(f'with seed 3 expected {V.SAMPLE_3}, got {out}: {first}.')
        never = _copy(V.PARAMS)
        never['by'][0] = -40.0   # the newline is (almost) never drawn
        out = c.call(sample, never, dict(V.CHAR_TO_IX), 11)
        c.true(isinstance(out, list) and len(out) == 51 and out[-1] == 0
               and 0 not in out[:-1], 'when the newline is never drawn, '
               'stop after 50 characters and append the newline\'s index '
               f'(51 in all); got {len(out)} indices.')


def optimize(optimize):
    """One training step on the name 'faded' (fixed weights, lr 0.05)."""
    with check('optimize') as c:
        params = _copy(V.PARAMS)
        a_prev = V.A_PREV.copy()
        out = c.call(optimize, list(V.X), list(V.Y), a_prev, params, 0.05)
        c.true(isinstance(out, tuple) and len(out) == 3,
               'return (loss, gradients, a_last): 3 values.')
        loss, grads, a_last = out
        c.close(loss, V.OPT_LOSS, 'the loss', 'loss, cache = rnn_forward(X, '
                'Y, a_prev, parameters)')
        _dict(c, grads, KEYS, 'the gradients')
        for k in KEYS:
            c.true(np.max(np.abs(grads[k])) <= 5 + 1e-12, f'{k} has entries '
                   'outside [-5, 5] — clip the gradients with clip('
                   'gradients, 5) before the update.')
            c.close(grads[k], V.OPT_GRADS[k], f'the clipped {k}',
                    'gradients = clip(gradients, 5), from rnn_backward')
        c.shape(a_last, (V.A_PREV.shape[0], 1), 'a_last')
        c.true(not _same(a_last, V.A_PREV), 'a_last is the initial state '
               'a_prev: a[-1] is a0 in the dict rnn_backward returns; the '
               'last state is a[len(X) - 1].')
        c.close(a_last, V.OPT_A_LAST, 'a_last', 'the state after the last '
                'character, a[len(X) - 1]')
        c.true(_same(a_prev, V.A_PREV), 'a_prev changed during the call.')
        for k in PARAMS:
            moved = params[k] - V.PARAMS[k]
            c.true(not _same(params[k], V.PARAMS[k]) or not np.any(
                V.OPT_GRADS['d' + k]), f'parameters[{k!r}] did not change '
                '— update_parameters(parameters, gradients, learning_rate) '
                'updates the dict you pass in place.')
            c.true(np.allclose(moved, -0.05 * V.OPT_GRADS['d' + k]),
                   f'parameters[{k!r}] moved the wrong way or by the wrong '
                   'amount: W -= learning_rate * dW with the clipped '
                   'gradients and the learning_rate argument.')


def model(model):
    """Train 40 iterations on 6 short names (n_a = 5, 3 samples)."""
    with check('model') as c:
        names = list(V.NAMES)
        out = c.call(model, names, dict(V.IX_TO_CHAR), dict(V.CHAR_TO_IX),
                     num_iterations=40, n_a=5, dino_names=3,
                     vocab_size=len(V.CHAR_TO_IX))
        c.true(names == list(V.NAMES), 'data_x changed — shuffle a copy '
               '(examples = [...] built from data_x), not data_x itself.')
        c.true(isinstance(out, tuple) and len(out) == 2,
               'return (parameters, last_dino_name).')
        params, last = out
        _dict(c, params, PARAMS, 'the parameters')
        for k in PARAMS:
            c.shape(params[k], V.MODEL_PARAMS[k].shape, f'parameters[{k!r}]',
                    'initialize_parameters(n_a, vocab_size, vocab_size)')
        c.close(params['by'], V.MODEL_PARAMS['by'], "the trained 'by'",
                'shuffle with np.random.seed(0) then np.random.shuffle; '
                "X = [None] + indices, Y = X[1:] + [newline]; a zero "
                'a_prev for every name; learning_rate=0.01')
        for k in PARAMS:
            c.close(params[k], V.MODEL_PARAMS[k], f'the trained {k!r}',
                    'a fresh zero a_prev for every name (not the last '
                    'state of the previous one)')
        c.type(last, str, 'last_dino_name')
        c.true(last.strip().lower() == V.MODEL_LAST.strip().lower(),
               f'last_dino_name should be {V.MODEL_LAST.strip()!r}, got '
               f'{last.strip()!r} — sample after the update of iteration 0 '
               '(j % 2000 == 0) with seeds 0 … dino_names - 1 and keep the '
               'last one.')
