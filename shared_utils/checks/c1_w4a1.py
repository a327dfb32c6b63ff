"""Public checks for C1_W4A1, Building your Deep Neural Network step by step.

One function per graded function: ``checks.linear_forward(linear_forward)``.
Each check runs type, shape, a hand-computable input, a fixed small input
(expected numbers in ``_c1_w4a1_values``, computed once with our reference)
and invariants, and stops at the first problem with a message naming the
likely cause. Caches follow the notebook: ``linear_cache = (A_prev, W, b)``,
``cache = (linear_cache, Z)``.
"""
import math

import numpy as np

from . import _c1_w4a1_values as V
from ._base import check
from ._hints import likely as _likely, scalar as _scalar


def _copy(params):
    return {k: v.copy() for k, v in params.items()}


def _sig(z):
    return 1 / (1 + np.exp(-z))


def _forward(X, params):
    """A private forward pass that builds self-consistent caches."""
    L = len(params) // 2
    A, caches = X, []
    for l in range(1, L + 1):
        Z = params[f'W{l}'] @ A + params[f'b{l}']
        caches.append(((A, params[f'W{l}'], params[f'b{l}']), Z))
        A = _sig(Z) if l == L else np.maximum(0, Z)
    return A, caches


def _cost(AL, Y):
    return float(-np.mean(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)))


def _params_dict(c, params, keys, what):
    c.type(params, dict, what)
    missing = [k for k in keys if k not in params]
    c.true(not missing, f'{what} is missing the keys {missing}.')


def _std_ok(c, W, what, scale=0.01):
    W = np.asarray(W, dtype=float)
    c.true(np.any(W != 0), f'{what} is all zeros — weights must start '
           'random (np.random.randn), or every unit learns the same thing.')
    std = float(W.std())
    c.true(abs(std - scale) < 0.15 * scale and abs(W.mean()) < 0.2 * scale,
           f'{what} has mean {W.mean():.4g} and standard deviation '
           f'{std:.4g}; expected about 0 and {scale} — use '
           'np.random.randn(rows, cols) * 0.01 (randn, not rand: normal '
           'values around 0).')


def initialize_parameters(initialize_parameters):
    """Check shapes, zero biases and the spread of the random weights."""
    with check('initialize_parameters') as c:
        n_x, n_h, n_y = 300, 80, 2
        params = c.call(initialize_parameters, n_x, n_h, n_y)
        _params_dict(c, params, ['W1', 'b1', 'W2', 'b2'],
                     'initialize_parameters(300, 80, 2)')
        shapes = {'W1': (n_h, n_x), 'b1': (n_h, 1), 'W2': (n_y, n_h),
                  'b2': (n_y, 1)}
        for key, shape in shapes.items():
            c.shape(params[key], shape, f'{key} for n_x=300, n_h=80, n_y=2',
                    'W^[l] has shape (units of layer l, units of layer l-1)'
                    if key[0] == 'W' else 'biases are columns (rows, 1)')
        for key in ('b1', 'b2'):
            c.true(not np.any(params[key]), f'{key} should be all zeros.')
        _std_ok(c, params['W1'], 'W1 (24,000 values)')
        c.true(np.any(params['W2'] != 0), 'W2 is all zeros — it must start '
               'random too.')
        c.true(not np.allclose(params['W1'][0], params['W1'][1]),
               'the rows of W1 are equal: draw every entry at random.')


def initialize_parameters_deep(initialize_parameters_deep):
    """Check one W and b per layer, with the right shapes and scale."""
    with check('initialize_parameters_deep') as c:
        dims = [400, 60, 5, 1]
        params = c.call(initialize_parameters_deep, list(dims))
        keys = [f'{p}{l}' for l in (1, 2, 3) for p in 'Wb']
        c.type(params, dict, f'initialize_parameters_deep({dims})')
        c.true('W4' not in params, 'there is a W4, but [400, 60, 5, 1] has '
               'only 3 layers with parameters: loop l = 1, ..., '
               'len(layer_dims) - 1.')
        missing = [k for k in keys if k not in params]
        c.true(not missing, f'the dict is missing {missing} for layer_dims '
               f'{dims} — loop over range(1, len(layer_dims)) so that the '
               'last layer is included.')
        for l in (1, 2, 3):
            c.shape(params[f'W{l}'], (dims[l], dims[l - 1]), f'W{l}',
                    'W^[l] has shape (layer_dims[l], layer_dims[l-1])')
            c.shape(params[f'b{l}'], (dims[l], 1), f'b{l}',
                    'b^[l] has shape (layer_dims[l], 1)')
            c.true(not np.any(params[f'b{l}']), f'b{l} should be zeros.')
        _std_ok(c, params['W1'], 'W1 (24,000 values)')
        small = c.call(initialize_parameters_deep, [3, 2])
        c.true(isinstance(small, dict) and len(small) == 2,
               'layer_dims [3, 2] should give exactly W1 and b1.')


def linear_forward(linear_forward):
    """Check Z = W A + b and the cache (A, W, b)."""
    with check('linear_forward') as c:
        A = np.array([[1.0, 2.0], [3.0, -1.0]])  # (2, 2)
        W = np.array([[1.0, 1.0]])  # (1, 2)
        b = np.array([[0.5]])
        out = c.call(linear_forward, A, W, b)
        c.true(isinstance(out, tuple) and len(out) == 2,
               'return the pair (Z, cache).')
        Z, cache = out
        c.shape(Z, (1, 2), 'Z for W (1, 2) and A (2, 2)',
                'Z = W @ A + b has shape (n_l, m)')
        c.close(Z, [[4.5, 1.5]], 'Z for W = [[1, 1]], A = [[1, 2], [3, -1]],'
                ' b = 0.5', _likely(Z, [([[4.0, 1.0]], 'b is missing: '
                                          'Z = W @ A + b')]))
        Z, cache = c.call(linear_forward, V.LF_A.copy(), V.LF_W.copy(),
                          V.LF_B.copy())
        c.shape(Z, (2, 4), 'Z on a (3, 4) input with 2 units')
        c.close(Z, V.LF_Z, 'Z on the fixed 3 x 4 problem',
                _likely(Z, [(V.LF_W @ V.LF_A, 'b is missing: Z = W @ A + b'),
                            (V.LF_W @ V.LF_A - V.LF_B, 'add b, do not '
                             'subtract it')]))
        c.true(isinstance(cache, tuple) and len(cache) == 3,
               'cache should be the tuple (A, W, b).')
        for got, want, name in zip(cache, (V.LF_A, V.LF_W, V.LF_B),
                                   ('A', 'W', 'b')):
            c.true(np.shape(got) == want.shape and np.allclose(got, want),
                   f'cache should be (A, W, b) in this order; its {name} '
                   'entry is wrong.')


def linear_activation_forward(linear_activation_forward):
    """Check both activations and the cache ((A_prev, W, b), Z)."""
    with check('linear_activation_forward') as c:
        args = (V.LF_A, V.LF_W, V.LF_B)
        wrong = {'sigmoid': V.LAF_RELU, 'relu': V.LAF_SIGMOID}
        for activation, want in (('sigmoid', V.LAF_SIGMOID),
                                 ('relu', V.LAF_RELU)):
            out = c.call(linear_activation_forward,
                         *[a.copy() for a in args], activation)
            c.true(isinstance(out, tuple) and len(out) == 2,
                   'return the pair (A, cache).')
            A, cache = out
            c.shape(A, (2, 4), f'A with {activation!r}')
            c.close(A, want, f'A with activation={activation!r}', _likely(
                A, [(wrong[activation], 'sigmoid and relu are swapped'),
                    (V.LF_Z, 'the activation is not applied')]))
            c.true(isinstance(cache, tuple) and len(cache) == 2,
                   'cache should be the pair (linear_cache, '
                   'activation_cache).')
            linear_cache, activation_cache = cache
            c.true(isinstance(linear_cache, tuple) and len(linear_cache) == 3
                   and np.allclose(linear_cache[0], V.LF_A),
                   'cache[0] should be linear_cache = (A_prev, W, b), as '
                   'linear_forward returns it — is the order swapped?')
            c.true(np.shape(activation_cache) == (2, 4) and np.allclose(
                activation_cache, V.LF_Z), 'cache[1] should be the '
                'activation cache Z that sigmoid / relu return.')


def L_model_forward(L_model_forward):
    """Check AL and the L caches of a 3-layer network."""
    with check('L_model_forward') as c:
        out = c.call(L_model_forward, V.FW_X.copy(), _copy(V.FW_PARAMS))
        c.true(isinstance(out, tuple) and len(out) == 2,
               'return the pair (AL, caches).')
        AL, caches = out
        c.shape(AL, (1, 3), 'AL for 3 examples',
                'the last layer has one unit: AL is (1, m)')
        relu_last = np.maximum(0, V.FW_PARAMS['W3'] @ _forward(
            V.FW_X, {k: V.FW_PARAMS[k] for k in ('W1', 'b1', 'W2', 'b2')})[0]
            + V.FW_PARAMS['b3'])
        c.close(AL, V.FW_AL, 'AL of the fixed 3-layer network', _likely(AL, [
            (relu_last, 'the last layer must use sigmoid, not relu'),
        ], 'hidden layers use relu, the last one sigmoid; use '
            'parameters[f"W{l}"] for layer l'))
        c.type(caches, list, 'caches')
        c.true(len(caches) == 3, f'caches should hold 3 caches (one per '
               f'layer), got {len(caches)} — append the cache of every '
               'layer, the last one included.')
        c.true(np.allclose(caches[0][1], V.FW_Z1), 'caches[0] should be '
               'the cache of layer 1, with its Z as cache[1].')
        X2 = np.hstack([V.FW_X, V.FW_X[:, :1]])  # (4, 4)
        AL2, _ = c.call(L_model_forward, X2, _copy(V.FW_PARAMS))
        c.close(np.ravel(AL2)[-1], V.FW_AL[0, 0], 'AL of a repeated '
                'example', 'each example (column) is processed on its own')


def compute_cost(compute_cost):
    """Check the cross-entropy cost and that it is one number."""
    with check('compute_cost') as c:
        AL, Y = np.full((1, 4), 0.5), np.array([[1, 0, 0, 1]])
        cost = c.call(compute_cost, AL, Y)
        _scalar(c, cost, 'the cost', 'np.sum gives a number; a (1, 1) '
                'result of np.dot needs np.squeeze')
        ln2 = math.log(2)
        c.close(cost, ln2, 'the cost when every AL is 0.5', _likely(cost, [
            (-ln2, 'a missing minus sign'),
            (4 * ln2, 'forgot to divide by m')]))
        cost = c.call(compute_cost, V.COST_AL.copy(), V.COST_Y.copy())
        _scalar(c, cost, 'the cost on 5 examples')
        terms = V.COST_Y * np.log(V.COST_AL)
        c.close(cost, V.COST, 'the cost on a fixed 5-example input',
                _likely(cost, [(-terms.mean(), 'the (1 - Y) log(1 - AL) '
                                'term is missing'),
                               (5 * V.COST, 'forgot to divide by m')]))


def linear_backward(linear_backward):
    """Check dA_prev, dW and db of the linear step."""
    with check('linear_backward') as c:
        cache = (V.LF_A.copy(), V.LF_W.copy(), V.LF_B.copy())
        out = c.call(linear_backward, V.LB_DZ.copy(), cache)
        c.true(isinstance(out, tuple) and len(out) == 3,
               'return the triple (dA_prev, dW, db).')
        dA_prev, dW, db = out
        c.shape(dA_prev, (3, 4), 'dA_prev', 'dA_prev = W.T @ dZ has the '
                'shape of A_prev')
        c.shape(dW, (2, 3), 'dW', 'dW = dZ @ A_prev.T / m has the shape '
                'of W')
        c.shape(db, (2, 1), 'db', 'sum over the examples with '
                'np.sum(dZ, axis=1, keepdims=True)')
        c.close(dW, V.LB_DW, 'dW', _likely(dW, [
            (4 * V.LB_DW, 'forgot to divide dW by m')]))
        c.close(db, V.LB_DB, 'db', _likely(db, [
            (4 * V.LB_DB, 'forgot to divide db by m')]))
        c.close(dA_prev, V.LB_DA_PREV, 'dA_prev', _likely(dA_prev, [
            (V.LB_DA_PREV / 4, 'dA_prev has no 1/m: it is W.T @ dZ')]))


def linear_activation_backward(linear_activation_backward):
    """Check one layer's backward pass for sigmoid and relu."""
    with check('linear_activation_backward') as c:
        expected = {
            'sigmoid': (V.LAB_SIGMOID_DA_PREV, V.LAB_SIGMOID_DW,
                        V.LAB_SIGMOID_DB),
            'relu': (V.LAB_RELU_DA_PREV, V.LAB_RELU_DW, V.LAB_RELU_DB)}
        for activation, (e_dA, e_dW, e_db) in expected.items():
            other = expected['relu' if activation == 'sigmoid'
                             else 'sigmoid']
            out = c.call(linear_activation_backward, V.LAB_DA.copy(),
                         ((V.LF_A.copy(), V.LF_W.copy(), V.LF_B.copy()),
                          V.LF_Z.copy()), activation)
            c.true(isinstance(out, tuple) and len(out) == 3,
                   'return the triple (dA_prev, dW, db).')
            dA_prev, dW, db = out
            c.shape(dW, (2, 3), f'dW with {activation!r}')
            c.shape(db, (2, 1), f'db with {activation!r}')
            hint = _likely(db, [(other[2], 'relu_backward and '
                                 'sigmoid_backward are swapped')],
                           'compute dZ with the backward helper of the '
                           'activation, then call linear_backward')
            c.close(db, e_db, f'db with activation={activation!r}', hint)
            c.close(dW, e_dW, f'dW with activation={activation!r}', hint)
            c.close(dA_prev, e_dA, f'dA_prev with activation='
                    f'{activation!r}', hint)


def L_model_backward(L_model_backward):
    """Check the gradients of a 3-layer network, also against the cost."""
    with check('L_model_backward') as c:
        AL, caches = _forward(V.FW_X, V.FW_PARAMS)
        grads = c.call(L_model_backward, AL.copy(), V.FW_Y.copy(), caches)
        c.type(grads, dict, 'grads')
        missing = [k for k in V.BW_GRADS if k not in grads]
        c.true(not missing, f'grads is missing {missing} — store dA{{l-1}}, '
               'dW{l} and db{l} for every layer l = 1..L.')
        for key in ('dW3', 'db3', 'dA2', 'dW2', 'db2', 'dA1', 'dW1', 'db1',
                    'dA0'):
            want = V.BW_GRADS[key]
            c.shape(grads[key], want.shape, f'grads[{key!r}]')
            c.close(grads[key], want, f'grads[{key!r}]', _likely(
                grads[key], [(-want, 'dAL has the wrong sign: dAL = '
                              '-(Y / AL - (1 - Y) / (1 - AL))')],
                'the last layer is sigmoid, the others relu; layer l uses '
                'caches[l - 1]'))
        # the same gradient from the cost itself (finite differences)
        eps, W = 1e-6, V.FW_PARAMS['W2']
        for i, j in ((0, 1), (1, 2)):
            shifted = []
            for step in (eps, -eps):
                params = _copy(V.FW_PARAMS)
                params['W2'][i, j] = W[i, j] + step
                shifted.append(_cost(_forward(V.FW_X, params)[0], V.FW_Y))
            slope = (shifted[0] - shifted[1]) / (2 * eps)
            c.close(grads['dW2'][i, j], slope, f'dW2[{i}, {j}] against the '
                    'slope of the cost', rtol=1e-5, atol=1e-8)


def update_parameters(update_parameters):
    """Check one gradient-descent step and that params stays unchanged."""
    with check('update_parameters') as c:
        params = _copy(V.FW_PARAMS)
        grads = {k: v.copy() for k, v in V.BW_GRADS.items()}
        new = c.call(update_parameters, params, grads, V.UP_RATE)
        _params_dict(c, new, list(V.UP_PARAMS), 'the returned parameters')
        for key, want in V.UP_PARAMS.items():
            c.shape(new[key], want.shape, f'parameters[{key!r}]')
            plus = V.FW_PARAMS[key] + V.UP_RATE * V.BW_GRADS['d' + key]
            c.close(new[key], want, f'parameters[{key!r}] after one step '
                    f'with learning_rate {V.UP_RATE}', _likely(new[key], [
                        (plus, 'the update has the wrong sign: subtract '
                         'learning_rate * gradient'),
                        (V.FW_PARAMS[key], f'{key} was not updated — loop '
                         'l over 1..L, the last layer included')]))
        for key, value in params.items():
            c.true(np.array_equal(value, V.FW_PARAMS[key]), 'the params '
                   f'you were given changed ({key}) — work on a copy and '
                   'write W = W - ..., not W -= ...')
