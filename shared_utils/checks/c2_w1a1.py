"""Public checks for C2_W1A1, Initialization.

One function per graded function, named like it:
``checks.initialize_parameters_he(initialize_parameters_he)``.
The random initialisers are checked by their statistics (mean, standard
deviation per layer) on layers large enough for the estimates to be tight,
so any correct way of drawing standard normal numbers passes.
"""
import numpy as np

from ._base import check
from ._hints import call as _call

SMALL = [3, 2, 1]
DEEP = [4, 6, 3, 1]
LARGE = [40, 60, 25, 30]   # every W has at least 750 entries


def _params(c, fn, dims, hint):
    """Call fn(dims) and check the keys, types and shapes of the result."""
    params = _call(c, fn, list(dims), hint=hint)
    c.type(params, dict, f'{fn.__name__}({dims})')
    L = len(dims) - 1
    want = {f'{p}{l}' for l in range(1, L + 1) for p in 'Wb'}
    missing = want - set(params)
    c.true(not missing, f'for layers_dims={dims} the dict is missing '
                        f'{sorted(missing)} — loop l over range(1, '
                        'len(layers_dims)), so the last layer is included.')
    extra = set(params) - want
    c.true(not extra, f'for layers_dims={dims} the dict has unexpected keys '
                      f'{sorted(extra)} — only W1, b1, ..., W{L}, b{L}.')
    for l in range(1, L + 1):
        W, b = params[f'W{l}'], params[f'b{l}']
        c.type(W, np.ndarray, f'W{l}')
        c.type(b, np.ndarray, f'b{l}')
        transposed = np.shape(W) == (dims[l - 1], dims[l])
        c.shape(W, (dims[l], dims[l - 1]), f'W{l} for layers_dims={dims}',
                'transposed: W_l has layers_dims[l] rows and '
                'layers_dims[l-1] columns' if transposed else
                'W_l has shape (layers_dims[l], layers_dims[l-1])')
        c.shape(b, (dims[l], 1), f'b{l} for layers_dims={dims}',
                'b_l is a column: np.zeros((layers_dims[l], 1))')
        c.true(W.dtype.kind == 'f' and b.dtype.kind == 'f',
               f'W{l} and b{l} should hold floats, got {W.dtype} and '
               f'{b.dtype}.')
        c.true(not np.any(b), f'b{l} should be all zeros: biases start at '
                              '0 in every scheme.')
    return params


def _scale(c, fn, scale_of, what):
    """Check the per-layer mean and standard deviation of W_l / scale."""
    params = _params(c, fn, LARGE, 'np.random.randn(n_l, n_prev)')
    for l in range(1, len(LARGE)):
        W = params[f'W{l}']
        expected = scale_of(LARGE[l - 1])
        z = W / expected
        c.true(abs(np.mean(z)) < 0.2,
               f'W{l} has mean {np.mean(W):.4g} and std {np.std(W):.4g}; '
               f'expected mean ≈ 0 and std ≈ {expected:.4g} — '
               + ('np.random.rand draws from [0, 1), its mean is 0.5; use '
                  'np.random.randn (standard normal)'
                  if np.all(W >= 0) else f'draw with np.random.randn and '
                  f'multiply by {what}'))
        ratio = np.std(z)
        hint = f'multiply np.random.randn(...) by {what}'
        if l == 1 and abs(ratio - np.sqrt(LARGE[0] / LARGE[1])) < 0.1:
            hint = ('the scale uses n_l; use the size of the previous '
                    'layer, layers_dims[l-1]')
        c.true(0.88 < ratio < 1.12,
               f'W{l} (shape {W.shape}) has standard deviation '
               f'{np.std(W):.4g}; expected about {expected:.4g} — {hint}.')
    again = c.call(fn, list(LARGE))
    c.true(all(np.array_equal(again[k], params[k]) for k in params),
           'two calls gave different weights — start the function with '
           'np.random.seed(3) as the exercise says, so runs are '
           'reproducible.')


def initialize_parameters_zeros(initialize_parameters_zeros):
    """Check keys, shapes and that every W_l and b_l is zero."""
    with check('initialize_parameters_zeros') as c:
        for dims in (SMALL, DEEP):
            params = _params(c, initialize_parameters_zeros, dims,
                             'np.zeros((layers_dims[l], layers_dims[l-1]))')
            for l in range(1, len(dims)):
                c.true(not np.any(params[f'W{l}']),
                       f'W{l} should be all zeros for this exercise — use '
                       'np.zeros, not random numbers.')


def initialize_parameters_random(initialize_parameters_random):
    """Check shapes, zero biases and std(W_l) ≈ 10 on large layers."""
    with check('initialize_parameters_random') as c:
        for dims in (SMALL, DEEP):
            _params(c, initialize_parameters_random, dims,
                    'np.random.randn(layers_dims[l], layers_dims[l-1]) * 10')
        _scale(c, initialize_parameters_random, lambda n_prev: 10.0, '10')


def initialize_parameters_he(initialize_parameters_he):
    """Check shapes, zero biases and std(W_l) ≈ sqrt(2 / n_{l-1})."""
    with check('initialize_parameters_he') as c:
        for dims in (SMALL, DEEP):
            _params(c, initialize_parameters_he, dims,
                    'np.random.randn(layers_dims[l], layers_dims[l-1]) * '
                    'np.sqrt(2 / layers_dims[l-1])')
        _scale(c, initialize_parameters_he,
               lambda n_prev: np.sqrt(2.0 / n_prev),
               'np.sqrt(2 / layers_dims[l-1])')
