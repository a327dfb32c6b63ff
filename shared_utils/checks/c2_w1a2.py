"""Public checks for C2_W1A2, Regularization.

One function per graded function, named like it:
``checks.forward_propagation_with_dropout(forward_propagation_with_dropout)``.
Dropout is checked by its statistics on a large layer and by consistency
(the masks in the cache must explain the activations), so any correct way
of drawing the masks passes. Caches follow the notebook:
(Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) without dropout and
(Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3) with it.
"""
import math

import numpy as np

from ..three_layer import (backward_propagation, compute_cost,
                           forward_propagation, relu, sigmoid)
from ._base import check
from ._hints import call as _call, likely as _likely, scalar as _scalar

# A fixed small problem: n_x = 2, n_1 = 4, n_2 = 3, m = 5.
FIX_X = np.array([[0.31, -0.52, 0.08, 0.66, -0.25],
                  [-0.44, 0.17, 0.59, -0.12, 0.38]])  # (2, 5)
FIX_Y = np.array([[1, 0, 1, 1, 0]])  # (1, 5)
FIX_PARAMS = {
    'W1': np.array([[0.9, -1.2], [0.4, 0.7], [-0.8, 0.5], [1.1, 0.3]]),
    'b1': np.array([[0.1], [-0.2], [0.05], [0.3]]),
    'W2': np.array([[0.6, -0.4, 0.9, 0.2], [-0.7, 0.8, 0.1, 0.5],
                    [0.3, 0.2, -0.6, 0.9]]),
    'b2': np.array([[0.2], [-0.1], [0.15]]),
    'W3': np.array([[1.3, -0.9, 0.7]]),
    'b3': np.array([[-0.25]]),
}
FIX_A3 = np.array([[0.82, 0.31, 0.64, 0.93, 0.12]])  # (1, 5)
FIX_D1 = np.array([[1, 0, 1, 1, 1], [1, 1, 0, 1, 1], [0, 1, 1, 1, 0],
                   [1, 1, 1, 0, 1]])  # (4, 5)
FIX_D2 = np.array([[1, 1, 0, 1, 1], [0, 1, 1, 1, 1],
                   [1, 0, 1, 1, 0]])  # (3, 5)
GRAD_KEYS = ('dZ3', 'dW3', 'db3', 'dA2', 'dZ2', 'dW2', 'db2', 'dA1', 'dZ1',
             'dW1', 'db1')


def _params():
    return {k: v.copy() for k, v in FIX_PARAMS.items()}


def _sum_squares(params):
    return sum(float(np.sum(np.square(params[f'W{l}']))) for l in (1, 2, 3))


def _grads(c, grads, what):
    c.type(grads, dict, what)
    missing = [k for k in GRAD_KEYS if k not in grads]
    c.true(not missing, f'{what} is missing the keys {missing} — return '
                        'all eleven gradients dZ3, dW3, ..., dW1, db1.')


def compute_cost_with_regularization(compute_cost_with_regularization):
    """Check cross-entropy + lambd / (2m) * sum of squared weights."""
    with check('compute_cost_with_regularization') as c:
        A3 = np.full((1, 4), 0.5)
        Y = np.array([[1, 0, 0, 1]])
        params = {'W1': np.array([[1.0, -1.0], [2.0, 0.0]]), 'b1': np.ones(
            (2, 1)), 'W2': np.array([[1.0, 1.0]]), 'b2': np.ones((1, 1)),
            'W3': np.array([[3.0]]), 'b3': np.ones((1, 1))}
        cost = _call(c, compute_cost_with_regularization, A3, Y, params, 0.2,
                     hint='read W1, W2, W3 from parameters and use '
                          'compute_cost(A3, Y) for the cross-entropy')
        _scalar(c, cost, 'the cost', 'np.sum over a whole matrix gives '
                'one number')
        want = math.log(2) + 0.2 / 8 * 17
        c.close(cost, want, 'the cost for a = 0.5 everywhere, m = 4, '
                'lambd = 0.2 and squared weights summing to 17',
                _likely(cost, [
                    (math.log(2) + 0.2 / 4 * 17, 'used lambd / m; the L2 '
                     'term is lambd / (2m) times the sum of squares'),
                    (math.log(2) + 0.2 / 2 * 17, 'forgot to divide the L2 '
                     'term by m'),
                    (math.log(2) + 0.2 / 8 * 20, 'included the biases; '
                     'only the weights W1, W2, W3 are penalised'),
                    (math.log(2) + 0.2 / 8 * 6, 'summed the weights '
                     'instead of their squares (np.square)'),
                    (math.log(2) + 0.2 / 8 * 8, 'left out W3'),
                    (math.log(2) + 0.2 / 8 * 11, 'left out W1'),
                ]))
        params = _params()
        cost = c.call(compute_cost_with_regularization, FIX_A3.copy(),
                      FIX_Y.copy(), params, 0.3)
        c.close(cost, 0.607441157417562, 'the cost on a 5-example problem '
                'with lambd = 0.3')
        cost = c.call(compute_cost_with_regularization, FIX_A3.copy(),
                      FIX_Y.copy(), params, 0.0)
        c.close(cost, compute_cost(FIX_A3, FIX_Y), 'the cost with lambd = 0',
                'with lambd = 0 it is the plain cross-entropy')


def backward_propagation_with_regularization(
        backward_propagation_with_regularization):
    """Check the gradients: plain backprop plus lambd / m * W_l."""
    with check('backward_propagation_with_regularization') as c:
        _, cache = forward_propagation(FIX_X, _params())
        plain = backward_propagation(FIX_X, FIX_Y, cache)
        m, lambd = FIX_X.shape[1], 0.4
        grads = _call(c, backward_propagation_with_regularization,
                      FIX_X.copy(), FIX_Y.copy(), cache, lambd,
                      hint='unpack the 12-tuple cache in the order '
                           '(Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3)')
        _grads(c, grads, 'the gradients')
        for l in (3, 2, 1):
            W = FIX_PARAMS[f'W{l}']
            dW = grads[f'dW{l}']
            c.shape(dW, W.shape, f'dW{l}', f'dW{l} has the shape of W{l}')
            c.close(dW, plain[f'dW{l}'] + lambd / m * W, f'dW{l} with '
                    f'lambd = {lambd}', _likely(dW, [
                        (plain[f'dW{l}'] + lambd * W, 'the L2 term is '
                         f'(lambd / m) * W{l}; you left out the 1/m'),
                        (plain[f'dW{l}'] + lambd / (2 * m) * W, 'the '
                         'derivative of lambd / (2m) * W^2 is '
                         '(lambd / m) * W; the 2 cancels'),
                        (plain[f'dW{l}'], f'dW{l} misses the L2 term '
                         f'(lambd / m) * W{l}'),
                        (plain[f'dW{l}'] - lambd / m * W, 'sign error: '
                         'add (lambd / m) * W'),
                    ]))
        c.close(grads['dW3'], [[0.1799200851, -0.1035149303,
                                -0.0555148284]], 'dW3 on the 5-example '
                'problem', rtol=1e-8)
        for key in ('db3', 'db2', 'db1', 'dZ1', 'dA1'):
            c.close(grads[key], plain[key], f'{key} (no L2 term)',
                    'only the dW gradients get (lambd / m) * W; biases '
                    'and the other gradients are the plain ones')


def _forward_big(c, fn, keep_prob, seed):
    """Run fn on a problem with large hidden layers; check consistency."""
    rng = np.random.default_rng(seed)
    n_x, n_1, n_2, m = 3, 300, 120, 40
    params = {'W1': rng.normal(0, 1, (n_1, n_x)),
              'b1': rng.normal(0, 0.1, (n_1, 1)),
              'W2': rng.normal(0, 0.1, (n_2, n_1)),
              'b2': rng.normal(0, 0.1, (n_2, 1)),
              'W3': rng.normal(0, 0.3, (1, n_2)),
              'b3': rng.normal(0, 0.1, (1, 1))}
    X = rng.normal(0, 1, (n_x, m))
    out = _call(c, fn, X.copy(), {k: v.copy() for k, v in params.items()},
                keep_prob, hint='draw the masks with np.random.rand(*A1.shape)'
                ' and keep the shapes from the arguments')
    c.true(isinstance(out, tuple) and len(out) == 2,
           'return the pair (A3, cache).')
    A3, cache = out
    c.true(isinstance(cache, tuple) and len(cache) == 14,
           'cache should be the 14-tuple (Z1, D1, A1, W1, b1, Z2, D2, A2, '
           'W2, b2, Z3, A3, W3, b3).')
    Z1, D1, A1 = (np.asarray(x, dtype=float) for x in cache[:3])
    Z2, D2, A2 = (np.asarray(x, dtype=float) for x in cache[5:8])
    c.shape(A3, (1, m), 'A3', 'one probability per example')
    c.shape(D1, (n_1, m), 'D1 (cache[1])', 'D1 has the shape of A1')
    c.shape(D2, (n_2, m), 'D2 (cache[6])', 'D2 has the shape of A2')
    c.true(np.all((D1 == 0) | (D1 == 1)) and np.all((D2 == 0) | (D2 == 1)),
           'the masks D1, D2 should hold only 0 and 1 (or False and '
           'True) — D = (np.random.rand(...) < keep_prob).')
    c.close(Z1, params['W1'] @ X + params['b1'], 'Z1 (cache[0])',
            'Z1 = W1 X + b1, before any dropout')
    for name, D in (('D1', D1), ('D2', D2)):
        kept = float(np.mean(D))
        hint = ('you keep a unit when rand >= keep_prob; keep it when '
                'rand < keep_prob' if abs(kept - (1 - keep_prob)) < 0.03
                else 'np.random.rand gives uniform numbers in [0, 1): '
                'keep a unit where they are below keep_prob')
        c.true(abs(kept - keep_prob) < 0.03,
               f'{name} keeps {kept:.1%} of the units with keep_prob = '
               f'{keep_prob} — {hint}.')
    relu1 = relu(Z1)
    c.close(A1, relu1 * D1 / keep_prob, 'A1 (cache[2])', _likely(A1, [
        (relu1 * D1, 'scale the kept units by 1 / keep_prob (inverted '
         'dropout): A1 = A1 * D1 / keep_prob'),
        (relu1 / keep_prob, 'the mask D1 is not applied to A1'),
        (relu1 * D1 * keep_prob, 'divide by keep_prob, do not multiply'),
        (relu1 * D1 / (1 - keep_prob), 'divide by keep_prob, not by '
         '1 - keep_prob'),
    ], 'A1 = relu(Z1) * D1 / keep_prob'))
    c.close(Z2, params['W2'] @ A1 + params['b2'], 'Z2 (cache[5])',
            'Z2 = W2 A1 + b2 with the dropped-out A1')
    relu2 = relu(Z2)
    c.close(A2, relu2 * D2 / keep_prob, 'A2 (cache[7])', _likely(A2, [
        (relu2, 'dropout is applied to A1 only; apply it to A2 as well'),
        (relu2 * D2, 'scale the kept units by 1 / keep_prob'),
    ], 'A2 = relu(Z2) * D2 / keep_prob'))
    c.close(A3, sigmoid(params['W3'] @ A2 + params['b3']), 'A3',
            'A3 = sigmoid(W3 A2 + b3), with no dropout on the output')


def forward_propagation_with_dropout(forward_propagation_with_dropout):
    """Check mask statistics, inverted scaling and keep_prob = 1."""
    with check('forward_propagation_with_dropout') as c:
        _forward_big(c, forward_propagation_with_dropout, 0.7, 5)
        _forward_big(c, forward_propagation_with_dropout, 0.9, 6)
        A3, _ = c.call(forward_propagation_with_dropout, FIX_X.copy(),
                       _params(), 1.0)
        c.close(A3, [[0.8124395015, 0.6580620635, 0.5913526546,
                      0.8612510672, 0.6356562177]], 'A3 with keep_prob = '
                '1 on the 5-example problem', 'with keep_prob = 1 every '
                'unit is kept and nothing is rescaled', rtol=1e-8)


def _dropout_cache(keep_prob, D1=FIX_D1, D2=FIX_D2):
    """A consistent 14-tuple cache on the fixed problem with given masks."""
    p = FIX_PARAMS
    Z1 = p['W1'] @ FIX_X + p['b1']  # (4, 5)
    A1 = relu(Z1) * D1 / keep_prob
    Z2 = p['W2'] @ A1 + p['b2']  # (3, 5)
    A2 = relu(Z2) * D2 / keep_prob
    Z3 = p['W3'] @ A2 + p['b3']  # (1, 5)
    A3 = sigmoid(Z3)
    return (Z1, D1.copy(), A1, p['W1'].copy(), p['b1'].copy(), Z2,
            D2.copy(), A2, p['W2'].copy(), p['b2'].copy(), Z3, A3,
            p['W3'].copy(), p['b3'].copy())


def backward_propagation_with_dropout(backward_propagation_with_dropout):
    """Check dA2, dA1 are masked and scaled, and the dW that follow."""
    with check('backward_propagation_with_dropout') as c:
        kp = 0.75
        grads = _call(c, backward_propagation_with_dropout, FIX_X.copy(),
                      FIX_Y.copy(), _dropout_cache(kp), kp,
                      hint='unpack the 14-tuple cache in the order (Z1, D1, '
                           'A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)')
        _grads(c, grads, 'the gradients')
        want_dA2 = [[-0.1156331848, 1.3451390324, 0.0, -0.2651362369,
                     0.9362466645],
                    [0.0, -0.9312500994, 0.6191854573, 0.1835558563,
                     -0.6481707677],
                    [-0.0622640226, 0.0, -0.481588689, -0.142765666, 0.0]]
        dA2 = np.asarray(grads['dA2'], dtype=float)
        c.shape(dA2, (3, 5), 'dA2')
        c.close(dA2, want_dA2, 'dA2 with keep_prob = 0.75', _likely(dA2, [
            (np.array(want_dA2) * kp, 'divide dA2 by keep_prob after '
             'applying the mask D2'),
            (np.array(want_dA2) * kp * kp, 'divide by keep_prob, do not '
             'multiply'),
        ], 'dA2 = W3^T dZ3, then * D2 / keep_prob'), rtol=1e-8)
        c.close(grads['dA1'], [
            [-0.1174121568, 0.0, -0.7705419024, -0.2692152559, 0.7489973316],
            [0.0450672925, -0.717407484, 0.0, 0.1033351487, -0.4993315544],
            [0.0, 1.6141668389, 0.4678290122, -0.2039509515, 0.0],
            [-0.105552343, 0.358703742, -0.1651161219, 0.0, 0.2496657772]],
            'dA1 with keep_prob = 0.75', 'dA1 = W2^T dZ2, then * D1 / '
            'keep_prob: the units dropped in the forward pass get no '
            'gradient', rtol=1e-8)
        c.close(grads['dW1'], [[-0.0428159675, 0.0167934359], [0.0, 0.0],
                               [-0.1603880871, 0.110085496],
                               [-0.0216693921, 0.0087795029]],
                'dW1 with keep_prob = 0.75', rtol=1e-8)
        c.close(grads['db1'], [[-0.0773254826], [0.0], [0.4163991702],
                               [-0.0042005375]], 'db1', rtol=1e-8)
        plain_cache = _dropout_cache(1.0, np.ones_like(FIX_D1),
                                     np.ones_like(FIX_D2))
        _, cache12 = forward_propagation(FIX_X, _params())
        grads = c.call(backward_propagation_with_dropout, FIX_X.copy(),
                       FIX_Y.copy(), plain_cache, 1.0)
        want = backward_propagation(FIX_X, FIX_Y, cache12)
        for key in ('dW1', 'dW2', 'dW3', 'db1'):
            c.close(grads[key], want[key], f'{key} with keep_prob = 1 and '
                    'no unit dropped', 'without dropout the gradients are '
                    'the plain backward-propagation ones')
