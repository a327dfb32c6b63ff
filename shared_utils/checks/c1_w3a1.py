"""Public checks for C1_W3A1, planar data classification with one hidden
layer.

One function per graded function, named like it:
``checks.forward_propagation(forward_propagation)``.
Each check runs type, shape, a hand-computable input, a fixed small input
(expected numbers computed once with our reference) and invariants, in that
order, and stops at the first problem with a message naming the likely cause.
Random functions are checked through statistics and seeding behaviour, never
through one draw order; the global NumPy random state is restored after.
"""
import contextlib
import io
import math

import numpy as np

from ._base import check
from ._hints import call as _call, likely as _likely

LN2 = math.log(2.0)
KEYS = ('W1', 'b1', 'W2', 'b2')

# A fixed network: n_x = 2, n_h = 3, n_y = 1, and m = 4 examples.
FIX_X = np.array([[0.8, -1.2, 0.3, 2.1], [-0.5, 0.9, 1.7, -0.4]])  # (2, 4)
FIX_Y = np.array([[1, 0, 0, 1]])  # (1, 4)
FIX_P = {'W1': np.array([[0.6, -0.3], [-0.9, 0.2], [0.4, 0.7]]),
         'b1': np.array([[0.1], [-0.2], [0.05]]),
         'W2': np.array([[1.1, -0.7, 0.5]]),
         'b2': np.array([[-0.3]])}
FIX_Z1 = [[0.73, -0.89, -0.23, 1.48], [-1.02, 1.06, -0.13, -2.17],
          [0.02, 0.2, 1.36, 0.61]]
FIX_Z2 = [[0.9342771265, -1.5338101462, -0.0199438452, 1.6456620662]]
FIX_A2 = [[0.7179422155, 0.1774368997, 0.4950142039, 0.838303904]]
FIX_GRADS = {
    'dW1': [[-0.045627107, 0.2683463867], [0.0078105013, -0.1661291059],
            [-0.0793460366, 0.0668940517]],
    'db1': [[0.0974900588], [-0.0755217329], [-0.0138039159]],
    'dW2': [[-0.1399047574, 0.1125238205, 0.0938062626]],
    'db2': [[0.0571743058]],
}

COPY_HINT = ('update_parameters changed the dict you passed in; build a new '
             'one with W1 = parameters["W1"] - learning_rate * '
             'grads["dW1"] instead of parameters["W1"] -= ...')


def _sig(z):
    return 1 / (1 + np.exp(-z))


def _copy(params):
    return {k: np.array(v, dtype=float) for k, v in params.items()}


def _forward(X, p, hidden=np.tanh, out=_sig, b1=True):
    """Our own forward pass, with switches for the hints."""
    Z1 = p['W1'] @ X + (p['b1'] if b1 else 0)
    A1 = hidden(Z1)
    Z2 = p['W2'] @ A1 + p['b2']
    return Z1, A1, Z2, out(Z2)


def _params(c, params, shapes, what):
    """Check a parameter dict: type, keys and shapes."""
    c.type(params, dict, what)
    missing = [k for k in shapes if k not in params]
    c.true(not missing, f'{what} is missing the keys {missing} — return '
                        '{"W1": W1, "b1": b1, "W2": W2, "b2": b2}.')
    for key, shape in shapes.items():
        c.type(params[key], np.ndarray, f'{what}["{key}"]')
        c.shape(params[key], shape, f'{what}["{key}"]')


def _shapes(n_x, n_h, n_y, prefix=''):
    return {f'{prefix}W1': (n_h, n_x), f'{prefix}b1': (n_h, 1),
            f'{prefix}W2': (n_y, n_h), f'{prefix}b2': (n_y, 1)}


@contextlib.contextmanager
def _kept_random_state():
    state = np.random.get_state()
    try:
        yield
    finally:
        np.random.set_state(state)


def layer_sizes(layer_sizes):
    """Check that the sizes come from the rows of X and Y, with n_h = 4."""
    with check('layer_sizes') as c:
        X, Y = np.zeros((3, 6)), np.zeros((1, 6))
        out = c.call(layer_sizes, X, Y)
        c.true(isinstance(out, (tuple, list)) and len(out) == 3,
               f'return the triple (n_x, n_h, n_y), got {out!r}.')
        c.true(all(isinstance(v, (int, np.integer)) for v in out),
               f'the sizes should be ints, got {out!r}.')
        c.true(tuple(out) == (3, 4, 1), 'for X of shape (3, 6) and Y of '
               f'shape (1, 6) expected (3, 4, 1), got {tuple(out)} — ' +
               _likely(tuple(out), [
                   ((6, 4, 1), 'n_x is X.shape[0], the number of rows; '
                    'X.shape[1] is the number of examples'),
                   ((3, 4, 6), 'n_y is Y.shape[0], the number of rows'),
                   ((6, 4, 6), 'use shape[0] (rows), not shape[1] '
                    '(examples)')],
                   default='n_x = X.shape[0], n_h = 4, n_y = Y.shape[0]'))
        out = c.call(layer_sizes, np.zeros((7, 2)), np.zeros((3, 2)))
        c.true(tuple(out) == (7, 4, 3), 'for X of shape (7, 2) and Y of '
               f'shape (3, 2) expected (7, 4, 3), got {tuple(out)} — read '
               'the sizes from the shapes instead of typing them in.')


def initialize_parameters(initialize_parameters):
    """Check shapes, zero biases, the scale 0.01 and the seeding."""
    with check('initialize_parameters') as c, _kept_random_state():
        np.random.seed(7)
        p = c.call(initialize_parameters, 3, 5, 2)
        _params(c, p, _shapes(3, 5, 2), 'initialize_parameters(3, 5, 2)')
        for key in ('b1', 'b2'):
            c.true(not np.any(p[key]), f'{key} should be all zeros — '
                   'np.zeros((n, 1)); only the weights are random.')
        for key in ('W1', 'W2'):
            c.true(np.all(p[key] != 0), f'{key} should be random, not zero '
                   '— zero weights make every hidden unit the same '
                   '(symmetry); use np.random.randn(...) * 0.01.')
        # statistics on large layers: 3000 and 2000 weights
        p = c.call(initialize_parameters, 60, 50, 40)
        _params(c, p, _shapes(60, 50, 40), 'initialize_parameters(60, 50, '
                '40)')
        for key in ('W1', 'W2'):
            w = np.asarray(p[key], dtype=float)
            mean, std = float(w.mean()), float(w.std())
            if w.min() >= 0:
                hint = ('np.random.rand draws uniformly from [0, 1); use '
                        'np.random.randn (normal, centred on 0)')
            elif std > 0.05:
                hint = 'multiply np.random.randn(...) by 0.01'
            else:
                hint = 'use np.random.randn(...) * 0.01'
            c.true(abs(mean) < 0.002 and 0.0085 < std < 0.0115,
                   f'the entries of {key} should be normal with mean 0 and '
                   f'std 0.01; got mean {mean:.4g} and std {std:.4g} over '
                   f'{w.size} entries — {hint}.')
        np.random.seed(11)
        first = c.call(initialize_parameters, 4, 6, 1)
        np.random.seed(11)
        again = c.call(initialize_parameters, 4, 6, 1)
        np.random.seed(12)
        other = c.call(initialize_parameters, 4, 6, 1)
        c.true(np.array_equal(first['W1'], again['W1']),
               'after the same np.random.seed the weights should be the '
               'same — draw them with np.random.randn, which follows the '
               'seed.')
        c.true(not np.array_equal(first['W1'], other['W1']),
               'different seeds gave the same weights — do not call '
               'np.random.seed inside initialize_parameters; the caller '
               'seeds.')


def forward_propagation(forward_propagation):
    """Check A2 and the cache on a fixed 2-3-1 network."""
    with check('forward_propagation') as c:
        p = _copy(FIX_P)
        zeros = {k: np.zeros_like(v) for k, v in p.items()}
        out = _call(c, forward_propagation, FIX_X.copy(), zeros,
                    hint='W1 @ X needs W1 of shape (n_h, n_x) and X of '
                    'shape (n_x, m)')
        c.true(isinstance(out, tuple) and len(out) == 2,
               'return the pair (A2, cache).')
        A2, cache = out
        c.type(A2, np.ndarray, 'A2')
        c.shape(A2, (1, 4), 'A2 for 4 examples', 'A2 = sigmoid(W2 @ A1 + '
                'b2) has one column per example')
        c.close(A2, np.full((1, 4), 0.5), 'A2 when every parameter is 0',
                _likely(A2, [(np.zeros((1, 4)), 'use sigmoid for the '
                              'output layer, not tanh')]))
        A2, cache = c.call(forward_propagation, FIX_X.copy(), p)
        c.type(cache, dict, 'cache')
        missing = [k for k in ('Z1', 'A1', 'Z2', 'A2') if k not in cache]
        c.true(not missing, f'cache is missing the keys {missing} — '
               'return {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}.')
        c.shape(cache['Z1'], (3, 4), 'cache["Z1"]', 'Z1 = W1 @ X + b1 is '
                '(n_h, m)')
        c.shape(cache['A1'], (3, 4), 'cache["A1"]')
        c.close(A2, FIX_A2, 'A2 on a 2-3-1 network with 4 examples',
                _likely(A2, [
                    (_forward(FIX_X, p, hidden=_sig)[3], 'the hidden layer '
                     'uses tanh: A1 = np.tanh(Z1), not sigmoid'),
                    (_forward(FIX_X, p, b1=False)[3], 'b1 is missing from '
                     'Z1 = W1 @ X + b1'),
                    (_forward(FIX_X, p, out=np.tanh)[3], 'the output layer '
                     'uses sigmoid(Z2), not tanh'),
                ]))
        c.close(cache['Z1'], FIX_Z1, 'cache["Z1"]')
        c.close(cache['A1'], np.tanh(FIX_Z1), 'cache["A1"]',
                'A1 = np.tanh(Z1)')
        c.close(cache['Z2'], FIX_Z2, 'cache["Z2"]', 'Z2 = W2 @ A1 + b2')
        c.close(cache['A2'], A2, 'cache["A2"]', 'store the A2 you return')
        for key in KEYS:
            c.close(p[key], FIX_P[key], f'parameters["{key}"] after the '
                    'call', 'forward_propagation must not change its inputs')


def compute_cost(compute_cost):
    """Check the cross-entropy cost and that it is a single float."""
    with check('compute_cost') as c:
        A2, Y = np.full((1, 4), 0.5), np.array([[1, 0, 0, 1]])
        cost = _call(c, compute_cost, A2, Y, hint='A2 and Y both have '
                     'shape (1, m): multiply them entry by entry with *')
        c.true(isinstance(cost, float), f'the cost should be a Python '
               f'float, got {type(cost).__name__} with shape '
               f'{np.shape(cost)} — return float(cost).')
        c.close(cost, LN2, 'the cost when every A2 is 0.5', _likely(cost, [
            (-LN2, 'the cost misses the minus sign in front of the sum'),
            (4 * LN2, 'the sum is not divided by m'),
            (LN2 / 2, 'the cost misses the (1 - Y) log(1 - A2) term')]))
        A2 = np.array([[0.8, 0.1, 0.6, 0.3, 0.95]])
        Y = np.array([[1, 0, 0, 1, 1]])
        cost = c.call(compute_cost, A2.copy(), Y.copy())
        c.true(isinstance(cost, float), 'the cost should be a float.')
        only_y = -float(np.sum(Y * np.log(A2))) / 5
        c.close(cost, 0.5000121795119356, 'the cost on 5 examples',
                _likely(cost, [
                    (only_y, 'the cost misses the (1 - Y) log(1 - A2) '
                     'term'),
                    (-0.5000121795119356, 'the cost misses the minus '
                     'sign'),
                    (5 * 0.5000121795119356, 'the sum is not divided by '
                     'm = Y.shape[1]'),
                ], default='J = -(1/m) Σ [y log a + (1 - y) log(1 - a)]'))


def backward_propagation(backward_propagation):
    """Check the four gradients on the fixed 2-3-1 network."""
    with check('backward_propagation') as c:
        p = _copy(FIX_P)
        Z1, A1, Z2, A2 = _forward(FIX_X, p)
        cache = {'Z1': Z1, 'A1': A1, 'Z2': Z2, 'A2': A2}
        grads = _call(c, backward_propagation, p, dict(cache),
                      FIX_X.copy(), FIX_Y.copy(), hint='check the shapes: '
                      'dW2 = dZ2 @ A1.T / m and dW1 = dZ1 @ X.T / m')
        c.type(grads, dict, 'grads')
        shapes = _shapes(2, 3, 1, prefix='d')
        missing = [k for k in shapes if k not in grads]
        c.true(not missing, f'grads is missing the keys {missing} — '
               'return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}.')
        for key, shape in shapes.items():
            hint = ('sum over the examples with np.sum(..., axis=1, '
                    'keepdims=True)' if key.startswith('db') else
                    'every gradient has the shape of its parameter')
            c.shape(grads[key], shape, f'grads["{key}"]', hint)
        m = FIX_X.shape[1]
        dZ2 = A2 - FIX_Y
        c.close(grads['dW2'], FIX_GRADS['dW2'], 'dW2', _likely(
            grads['dW2'], [
                (m * np.array(FIX_GRADS['dW2']), 'dW2 is not divided by m'),
                (-np.array(FIX_GRADS['dW2']), 'sign error: dZ2 = A2 - Y, '
                 'not Y - A2')]))
        c.close(grads['db2'], FIX_GRADS['db2'], 'db2', _likely(
            grads['db2'], [(m * np.array(FIX_GRADS['db2']), 'db2 is not '
                            'divided by m')]))
        wrong_slope = (p['W2'].T @ dZ2) * (1 - A1)  # (n_h, m)
        wrong_sigmoid = (p['W2'].T @ dZ2) * A1 * (1 - A1)
        c.close(grads['dW1'], FIX_GRADS['dW1'], 'dW1', _likely(
            grads['dW1'], [
                (wrong_slope @ FIX_X.T / m, 'the derivative of tanh is '
                 '1 - A1 ** 2 (squared), not 1 - A1'),
                (wrong_sigmoid @ FIX_X.T / m, 'A1 * (1 - A1) is the '
                 'sigmoid\'s derivative; tanh\'s is 1 - A1 ** 2'),
                (m * np.array(FIX_GRADS['dW1']), 'dW1 is not divided by m'),
            ], default='dZ1 = (W2.T @ dZ2) * (1 - A1 ** 2) and dW1 = '
            'dZ1 @ X.T / m'))
        c.close(grads['db1'], FIX_GRADS['db1'], 'db1', _likely(
            grads['db1'], [
                (np.sum(wrong_slope, axis=1, keepdims=True) / m, 'the '
                 'derivative of tanh is 1 - A1 ** 2, not 1 - A1'),
                (m * np.array(FIX_GRADS['db1']), 'db1 is not divided by m'),
            ]))
        for key in KEYS:
            c.close(p[key], FIX_P[key], f'parameters["{key}"] after the '
                    'call', 'backward_propagation must not change its '
                    'inputs')


def update_parameters(update_parameters):
    """Check one gradient-descent step, the default rate and the copies."""
    with check('update_parameters') as c:
        p = {'W1': np.array([[1.0, -2.0], [0.5, 0.0]]),
             'b1': np.array([[0.25], [-1.0]]),
             'W2': np.array([[3.0, -1.5]]), 'b2': np.array([[0.75]])}
        g = {'dW1': np.array([[2.0, 2.0], [-1.0, 4.0]]),
             'db1': np.array([[0.5], [1.0]]),
             'dW2': np.array([[-2.0, 1.0]]), 'db2': np.array([[0.5]])}
        before = _copy(p)
        new = c.call(update_parameters, p, _copy(g), learning_rate=0.5)
        _params(c, new, _shapes(2, 2, 1), 'the returned parameters')
        want = {k: before[k] - 0.5 * g['d' + k] for k in KEYS}
        c.close(new['W1'], want['W1'], 'W1 after one step of size 0.5',
                _likely(new['W1'], [
                    (before['W1'] + 0.5 * g['dW1'], 'the update has the '
                     'wrong sign: W1 - learning_rate * dW1'),
                    (before['W1'] - 1.2 * g['dW1'], 'learning_rate is '
                     'ignored (1.2 was used)'),
                    (before['W1'] - 0.5 * g['dW2'].sum(), 'W1 is updated '
                     'with the wrong gradient')]))
        for key in ('b1', 'W2', 'b2'):
            c.close(new[key], want[key], f'{key} after one step', _likely(
                new[key], [(before[key], f'{key} was not updated'),
                           (before[key] + 0.5 * g['d' + key], 'the update '
                            'has the wrong sign')]))
        for key in KEYS:
            c.close(p[key], before[key], f'parameters["{key}"] you passed '
                    'in', COPY_HINT)
        new = c.call(update_parameters, _copy(before), _copy(g))
        c.close(new['W2'], before['W2'] - 1.2 * g['dW2'], 'W2 with the '
                'default learning_rate', 'the default learning_rate is 1.2')


def _descend(p, X, Y, steps, rate=1.2):
    """Our own gradient descent, the yardstick for nn_model."""
    p, m = _copy(p), X.shape[1]
    for _ in range(steps):
        Z1, A1, Z2, A2 = _forward(X, p)
        dZ2 = A2 - Y
        dZ1 = (p['W2'].T @ dZ2) * (1 - A1 ** 2)
        g = {'W1': dZ1 @ X.T / m, 'b1': dZ1.sum(axis=1, keepdims=True) / m,
             'W2': dZ2 @ A1.T / m, 'b2': dZ2.sum(axis=1, keepdims=True) / m}
        p = {k: p[k] - rate * g[k] for k in KEYS}
    return p


def nn_model(nn_model):
    """Check that nn_model runs gradient descent from its initialisation.

    nn_model(num_iterations=0) shows the learner's own starting point, so
    the check needs no particular random draw order.
    """
    with check('nn_model') as c, _kept_random_state():
        X = np.array([[1.2, -0.4, 0.3, -1.5, 0.8, -0.2],
                      [0.5, 1.1, -0.9, -0.3, -1.2, 0.7]])  # (2, 6)
        Y = np.array([[1, 0, 1, 0, 1, 0]])  # (1, 6)
        np.random.seed(3)
        start = c.call(nn_model, X.copy(), Y.copy(), 3, num_iterations=0)
        hint = ('use the n_h argument, not the 4 from layer_sizes'
                if isinstance(start, dict) and np.shape(start.get('W1')) ==
                (4, 2) else '')
        c.type(start, dict, 'nn_model(...)')
        c.true(all(k in start for k in KEYS), 'return the parameters dict '
               'with W1, b1, W2, b2.')
        c.shape(start['W1'], (3, 2), 'W1 for n_h = 3', hint)
        _params(c, start, _shapes(2, 3, 1), 'nn_model(X, Y, n_h=3)')
        np.random.seed(3)
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            trained = c.call(nn_model, X.copy(), Y.copy(), 3,
                             num_iterations=40)
        c.true(out.getvalue() == '', 'nn_model printed although '
               'print_cost=False.')
        _params(c, trained, _shapes(2, 3, 1), 'nn_model(...) after 40 '
                'iterations')
        c.true(not np.allclose(trained['W1'], start['W1']),
               'after 40 iterations W1 is still the initial W1 — assign '
               'parameters = update_parameters(parameters, grads) in the '
               'loop.')
        want = _descend(start, X, Y, 40)
        for key in KEYS:
            c.close(trained[key], want[key], f'{key} after 40 iterations '
                    'from the same initial parameters', _likely(
                        trained[key], [
                            (_descend(start, X, Y, 39)[key], 'one '
                             'iteration too few: loop range(num_iterations)'
                             ' times'),
                            (_descend(start, X, Y, 41)[key], 'one '
                             'iteration too many')],
                        default='each iteration: forward_propagation, '
                        'compute_cost, backward_propagation, '
                        'update_parameters (default learning rate 1.2)'))
        np.random.seed(4)
        other = c.call(nn_model, X.copy(), Y.copy(), 3, num_iterations=0)
        c.true(not np.allclose(other['W1'], start['W1']),
               'different seeds gave the same starting weights — do not '
               'call np.random.seed inside nn_model; the caller seeds.')
        np.random.seed(3)
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            c.call(nn_model, X.copy(), Y.copy(), 3, num_iterations=1001,
                   print_cost=True)
        lines = [s for s in out.getvalue().splitlines() if s.strip()]
        c.true(len(lines) == 2, f'with print_cost=True and 1001 '
               f'iterations, print the cost twice (iterations 0 and 1000), '
               f'got {len(lines)} lines — print when i % 1000 == 0.')


def predict(predict):
    """Check 0/1 predictions of shape (1, m) with the threshold 0.5."""
    with check('predict') as c:
        # hidden units tanh(x1), tanh(x2) added up: label 1 iff x1 + x2 > 0
        p = {'W1': np.eye(2), 'b1': np.zeros((2, 1)),
             'W2': np.array([[1.0, 1.0]]), 'b2': np.zeros((1, 1))}
        X = np.array([[1.0, -2.0, 0.5, 3.0, -1.0],
                      [0.5, 1.0, -1.0, -4.0, 2.0]])  # (2, 5)
        out = c.call(predict, _copy(p), X.copy())
        c.type(out, np.ndarray, 'predict(parameters, X)')
        c.shape(out, (1, 5), 'the predictions for 5 examples',
                'one label per column of X: shape (1, m)')
        c.true(out.dtype.kind in 'biuf', f'predictions should be booleans '
               f'or numbers 0 and 1, got dtype {out.dtype}.')
        got = np.round(np.ravel(out).astype(float), 3)
        c.true(np.all((out == 0) | (out == 1)),
               f'predictions must be 0 or 1, got {got} — threshold the '
               'probabilities: A2 > 0.5.')
        c.close(out, [[1, 0, 0, 0, 1]], 'predictions when label 1 means '
                'x1 + x2 > 0', _likely(out, [
                    ([[0, 1, 1, 1, 0]], 'labels are swapped: predict 1 '
                     'where A2 > 0.5')]))
        p = _copy(FIX_P)
        X = np.array([[0.8, -1.2, 0.3, 2.1, -0.6, 1.5],
                      [-0.5, 0.9, 1.7, -0.4, -1.8, 0.2]])  # (2, 6)
        out = c.call(predict, p, X.copy())
        c.shape(out, (1, 6), 'the predictions for 6 examples')
        c.close(out, [[1, 0, 0, 1, 0, 1]], 'predictions of the fixed 2-3-1 '
                'network', 'run forward_propagation and compare A2 with '
                '0.5')
