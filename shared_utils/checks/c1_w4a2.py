"""Public checks for C1_W4A2, Deep Neural Network for Image Classification.

One function per graded function: ``checks.two_layer_model(two_layer_model)``.
Both train for 250 iterations on a fixed 5-feature, 12-example problem (well
under a second) and compare with numbers computed once with our reference.
The models seed NumPy with np.random.seed(1) themselves, so the results do
not depend on the random state before the call.
"""
import numpy as np

from ._base import check

X = np.array([
    [0.43, -0.57, 2.65, -1.61, 0.66, -0.14, -0.35, 1.07, -1.82, -0.98,
     -0.11, 1.74],
    [0.09, 0.9, -1.86, -1.24, 0.97, -0.63, -0.06, 0.73, -2.21, -1.2, -0.09,
     -1.55],
    [-0.71, -0.04, -0.67, -0.27, 0.04, 1.33, 1.58, -0.39, -0.83, 0.89, 0.51,
     0.25],
    [-0.91, 0.64, 0.87, -1.78, 1.02, -0.07, -0.74, -1.58, -0.34, -0.06,
     -0.37, -1.2],
    [-1.2, 0.71, 0.05, 0.28, 0.63, 0.72, 1.74, -0.07, -0.26, -0.96, 0.25,
     0.26]])  # (5, 12)
Y = np.array([[1, 0, 1, 0, 1, 0, 0, 1, 0, 0, 0, 1]])  # (1, 12)
ITERATIONS = 250

TWO_LAYER = {  # layers_dims (5, 4, 1), learning_rate 0.5
    'costs': [0.6932079700836483, 0.010900122104430712,
              0.0032073834053269394],
    'W2': [[0.34372607, -0.00513107, 2.60691576, -1.84990715]],
    'b2': [[-1.76299278]],
}
L_LAYER = {  # layers_dims [5, 4, 3, 1], learning_rate 0.3
    'costs': [0.7059085555687274, 0.05128811313707484,
              0.02203557776475842],
    'W3': [[-2.14202662, -0.3811531, -0.46101892]],
    'b3': [[3.21990692]],
}


def _train(c, model, dims, rate, seed):
    np.random.seed(seed)  # the model must reseed with np.random.seed(1)
    out = c.call(model, X.copy(), Y.copy(), dims, learning_rate=rate,
                 num_iterations=ITERATIONS)
    c.true(isinstance(out, tuple) and len(out) == 2,
           'return the pair (parameters, costs).')
    return out


def _costs(c, costs, expected):
    c.type(costs, list, 'costs')
    c.true(len(costs) == 3, f'after {ITERATIONS} iterations costs should '
           f'hold 3 costs (iterations 0, 100, 200), got {len(costs)} — '
           'append when i % 100 == 0, counting i from 0.')
    got = np.ravel(np.asarray(costs, dtype=float))
    if got[-1] >= got[0]:
        hint = ('the cost does not go down: check the sign of dA (it is '
                '-(Y / A - (1 - Y) / (1 - A))) and that you keep the '
                'parameters update_parameters returns')
    else:
        hint = ('start with np.random.seed(1), pass learning_rate on to '
                'update_parameters, and use relu for hidden layers')
    c.close(got, expected, 'the costs at iterations 0, 100, 200', hint,
            rtol=1e-5)


def _parameters(c, params, shapes, expected):
    c.type(params, dict, 'parameters')
    missing = [k for k in shapes if k not in params]
    c.true(not missing, f'parameters is missing {missing}.')
    for key, shape in shapes.items():
        c.shape(params[key], shape, f'parameters[{key!r}]')
    for key, want in expected.items():
        if key != 'costs':
            c.close(params[key], want, f'parameters[{key!r}] after '
                    f'{ITERATIONS} iterations', rtol=1e-5)


def _same_runs(c, first, second):
    same = all(np.allclose(first[k], second[k]) for k in first)
    c.true(same, 'two runs gave different parameters — start the '
           'function with np.random.seed(1), before initialising.')


def two_layer_model(two_layer_model):
    """Check a 250-iteration run of the two-layer model."""
    with check('two_layer_model') as c:
        dims = (5, 4, 1)
        params, costs = _train(c, two_layer_model, dims, 0.5, seed=3)
        _costs(c, costs, TWO_LAYER['costs'])
        _parameters(c, params, {'W1': (4, 5), 'b1': (4, 1), 'W2': (1, 4),
                                'b2': (1, 1)}, TWO_LAYER)
        again, _ = _train(c, two_layer_model, dims, 0.5, seed=11)
        _same_runs(c, params, again)


def L_layer_model(L_layer_model):
    """Check a 250-iteration run of the L-layer model."""
    with check('L_layer_model') as c:
        dims = [5, 4, 3, 1]
        params, costs = _train(c, L_layer_model, list(dims), 0.3, seed=3)
        _costs(c, costs, L_LAYER['costs'])
        _parameters(c, params, {'W1': (4, 5), 'b1': (4, 1), 'W2': (3, 4),
                                'b2': (3, 1), 'W3': (1, 3), 'b3': (1, 1)},
                    L_LAYER)
        again, _ = _train(c, L_layer_model, list(dims), 0.3, seed=11)
        _same_runs(c, params, again)
