"""Public checks for C1_W2A2, Logistic Regression with a NN mindset.

One function per graded function, named like it:
``checks.propagate(propagate)``.
Each check runs type, shape, a hand-computable input, a fixed small input
(expected numbers computed once with our reference) and invariants, in that
order, and stops at the first problem with a message naming the likely cause.
Shapes follow the course: X is (n_x, m), Y and predictions are (1, m), w is
(n_x, 1) and b is a Python float.
"""
import math

import numpy as np

from ._base import check
from ._hints import call as _call, likely as _likely, scalar as _scalar

LN2, LN3 = math.log(2.0), math.log(3.0)

# A tiny problem whose gradients at w = 0, b = 0 are easy by hand: every
# activation is 0.5, so dw = X (0.5 - Y)^T / 4 and db = mean(0.5 - Y).
TINY_X = np.array([[1.0, 2.0, -1.0, 4.0], [0.0, -2.0, 3.0, 1.0]])  # (2, 4)
TINY_Y = np.array([[1, 0, 1, 1]])  # (1, 4)
TINY_DW, TINY_DB = [[-0.25], [-0.75]], -0.25

# A fixed small problem: n_x = 3, m = 5.
FIX_W = np.array([[-1.69], [-0.79], [-0.49]])  # (3, 1)
FIX_B = 0.4
FIX_X = np.array([[2.49, -1.84, 0.77, -1.3, 0.84],
                  [-0.04, -2.15, 3.3, 1.17, 0.03],
                  [0.05, -0.45, -0.26, 1.22, -2.99]])  # (3, 5)
FIX_Y = np.array([[1, 0, 0, 1, 1]])  # (1, 5)

COPY_HINT = ('optimize changed the w you passed in; start with '
             'w = copy.deepcopy(w) and update with w = w - ..., so the '
             'caller\'s array stays as it was')


def _grads(c, grads, n_x, what):
    """Check that `grads` is a dict with dw (n_x, 1) and a scalar db."""
    c.type(grads, dict, f'{what} grads')
    missing = {'dw', 'db'} - set(grads)
    c.true(not missing, f'{what} grads is missing the keys {sorted(missing)}'
                        ' — return {"dw": dw, "db": db}.')
    c.type(grads['dw'], np.ndarray, f'{what} grads["dw"]')
    c.shape(grads['dw'], (n_x, 1), f'{what} grads["dw"]',
            'dw has the shape of w: X @ (A - Y).T')
    _scalar(c, grads['db'], f'{what} grads["db"]',
            'average over the examples, e.g. np.sum(A - Y) / m')


def sigmoid(sigmoid):
    """Check the NumPy `sigmoid(z)` on arrays of any shape."""
    with check('sigmoid') as c:
        z = np.array([[0.0, LN3, -LN3]])
        out = _call(c, sigmoid, z.copy(), hint='math.exp only takes '
                    'scalars; np.exp works on whole arrays')
        c.type(out, np.ndarray, 'sigmoid(array)')
        c.shape(out, (1, 3), 'sigmoid(z) for z of shape (1, 3)',
                'the output must have the shape of the input')
        c.close(out, [[0.5, 0.75, 0.25]], 'sigmoid([[0, ln 3, -ln 3]])',
                _likely(out, [([[0.5, 0.25, 0.75]], 'the exponent has the '
                               'wrong sign: use np.exp(-z)')]))
        z = np.array([[-1.37, 1.3, 0.29, -3.18], [1.93, 0.18, 2.36, -0.82]])
        want = [[0.2026198464, 0.785834983, 0.5719961329, 0.039925334],
                [0.8732494199, 0.5448788924, 0.9137258055, 0.3057636599]]
        c.close(c.call(sigmoid, z.copy()), want, 'sigmoid on a (2, 4) input')
        z = np.linspace(-5.0, 5.0, 11)
        out = np.asarray(c.call(sigmoid, z.copy()), dtype=float)
        c.close(out + out[::-1], np.ones(11), 'sigmoid(z) + sigmoid(-z)',
                'σ(z) + σ(-z) should always be 1')


def initialize_with_zeros(initialize_with_zeros):
    """Check that w is a (dim, 1) array of zeros and b the float 0.0."""
    with check('initialize_with_zeros') as c:
        for dim in (6, 1):
            out = c.call(initialize_with_zeros, dim)
            c.true(isinstance(out, tuple) and len(out) == 2,
                   'return the pair (w, b).')
            w, b = out
            c.type(w, np.ndarray, f'w for dim={dim}')
            hint = ('w must be a column vector: np.zeros((dim, 1)), not '
                    'np.zeros(dim)' if np.ndim(w) == 1 else
                    'w has one row per feature and one column')
            c.shape(w, (dim, 1), f'w for dim={dim}', hint)
            c.true(np.issubdtype(w.dtype, np.floating),
                   f'w should hold floats, got dtype {w.dtype} — '
                   'np.zeros gives floats unless you ask for ints.')
            c.true(not np.any(w), 'w should be all zeros.')
            c.true(isinstance(b, float),
                   f'b should be a Python float, got {type(b).__name__} — '
                   'write b = 0.0, not b = 0.')
            c.true(b == 0.0, f'b should be 0.0, got {b}.')


def propagate(propagate):
    """Check the cost and the gradients dw, db of logistic regression."""
    with check('propagate') as c:
        out = c.call(propagate, np.zeros((2, 1)), 0.0, TINY_X.copy(),
                     TINY_Y.copy())
        c.true(isinstance(out, tuple) and len(out) == 2,
               'return the pair (grads, cost).')
        grads, cost = out
        _grads(c, grads, 2, 'propagate(...)')
        _scalar(c, cost, 'the cost', 'np.sum or np.mean give a number; '
                'np.dot(Y, np.log(A).T) gives a (1, 1) array: np.squeeze it')
        c.close(cost, LN2, 'the cost at w = 0, b = 0 (every a = 0.5)',
                _likely(cost, [(-LN2, 'a missing minus sign in the cost'),
                               (4 * LN2, 'forgot to divide the cost by m')]))
        c.close(grads['dw'], TINY_DW, 'dw at w = 0, b = 0 on a 4-example '
                'problem', _likely(grads['dw'], [
                    (4 * np.array(TINY_DW), 'forgot the 1/m: dw = '
                     'X @ (A - Y).T / m'),
                    (-np.array(TINY_DW), 'sign error: use A - Y, not Y - A'),
                ]))
        c.close(grads['db'], TINY_DB, 'db at w = 0, b = 0', _likely(
            grads['db'], [(4 * TINY_DB, 'forgot the 1/m: db = '
                           'np.sum(A - Y) / m')]))
        w = FIX_W.copy()
        grads, cost = c.call(propagate, w, FIX_B, FIX_X.copy(), FIX_Y.copy())
        _grads(c, grads, 3, 'propagate(...) with n_x = 3')
        c.close(cost, 2.017503948633526, 'the cost on a 3-feature, '
                '5-example problem', 'use the cross-entropy averaged over '
                'the m examples, with b added to w.T @ X')
        c.close(grads['dw'], [[-0.8488189998], [-0.4605062892],
                              [0.0736694573]], 'dw on the 3 x 5 problem')
        c.close(grads['db'], -0.12003417820533016, 'db on the 3 x 5 problem')
        c.close(w, FIX_W, 'the w you were given', 'propagate must not '
                'change its inputs')


def optimize(optimize):
    """Check gradient descent: the update, the recorded costs, the copies."""
    with check('optimize') as c:
        w0 = np.zeros((2, 1))
        out = c.call(optimize, w0, 0.0, TINY_X.copy(), TINY_Y.copy(),
                     num_iterations=1, learning_rate=0.2)
        c.true(isinstance(out, tuple) and len(out) == 3,
               'return the triple (params, grads, costs).')
        params, grads, costs = out
        c.type(params, dict, 'params')
        c.true({'w', 'b'} <= set(params),
               'params needs the keys "w" and "b".')
        c.shape(params['w'], (2, 1), 'params["w"]')
        _scalar(c, params['b'], 'params["b"]', 'b stays a number')
        _grads(c, grads, 2, 'optimize(...)')
        c.type(costs, list, 'costs')
        c.close(params['w'], [[0.05], [0.15]], 'w after one step of size '
                '0.2 from w = 0', _likely(params['w'], [
                    ([[-0.05], [-0.15]], 'the update has the wrong sign: '
                     'w = w - learning_rate * dw'),
                    ([[0.0], [0.0]], 'w was never updated'),
                    ([[0.25], [0.75]], 'learning_rate is not used'),
                ]))
        c.close(params['b'], 0.05, 'b after one step', _likely(
            params['b'], [(-0.05, 'the update has the wrong sign: '
                           'b = b - learning_rate * db')]))
        c.close(grads['dw'], TINY_DW, 'grads["dw"] of the last iteration')
        c.true(not np.any(w0), COPY_HINT + '.')
        c.true(len(costs) == 1, f'after 1 iteration costs should hold 1 '
               f'cost (iteration 0), got {len(costs)} — append when '
               'i % 100 == 0, counting i from 0.')
        c.close(costs[0], LN2, 'costs[0]', 'record the cost of iteration '
                '0, computed before the first update')
        _, _, costs = c.call(optimize, w0, 0.0, TINY_X.copy(),
                             TINY_Y.copy(), num_iterations=201,
                             learning_rate=0.2)
        c.true(len(costs) == 3, f'after 201 iterations costs should hold '
               f'3 costs (iterations 0, 100 and 200), got {len(costs)} — '
               'append when i % 100 == 0, counting i from 0.')
        c.close(costs[0], LN2, 'costs[0] after 201 iterations',
                'the first cost is recorded at iteration 0')
        w = FIX_W.copy()
        params, grads, costs = c.call(optimize, w, FIX_B, FIX_X.copy(),
                                      FIX_Y.copy(), num_iterations=150,
                                      learning_rate=0.05)
        c.close(params['w'], [[5.1636799874e-01], [-1.7654654157e-01],
                              [4.0384541184e-04]],
                'w after 150 iterations at learning_rate 0.05')
        c.close(params['b'], 0.41512073489668594, 'b after 150 iterations')
        c.close(grads['dw'], [[-0.0519420967], [0.025549745],
                              [-0.0421531826]], 'dw of the last iteration',
                'return the gradients computed in the last iteration, '
                'before its update')
        c.close(grads['db'], -0.009622830023152562, 'db of the last '
                'iteration')
        c.true(len(costs) == 2, f'after 150 iterations costs should hold 2 '
               f'costs, got {len(costs)}.')
        c.close(np.ravel(np.asarray(costs, dtype=float)),
                [2.017503948633526, 0.6058905279068015], 'the costs after '
                '150 iterations')
        c.close(w, FIX_W, 'the w you passed in', COPY_HINT)


def predict(predict):
    """Check that predict returns 0/1 labels of shape (1, m), threshold 0.5."""
    with check('predict') as c:
        w, b = np.array([[1.0], [-1.0]]), 0.5
        X = np.array([[1.0, 0.2, 2.0, -1.0, 0.1],
                      [3.0, 0.0, 0.0, -1.3, 0.5]])  # (2, 5)
        out = c.call(predict, w.copy(), b, X.copy())
        c.type(out, np.ndarray, 'predict(w, b, X)')
        c.shape(out, (1, 5), 'the predictions for 5 examples',
                'one label per column of X: shape (1, m)')
        c.true(out.dtype.kind in 'biuf', f'predictions should be numbers '
               f'0 and 1, got dtype {out.dtype}.')
        got = np.round(np.ravel(out).astype(float), 3)
        c.true(np.all((out == 0) | (out == 1)),
               f'predictions must be 0 or 1, got {got} — threshold the '
               'probabilities: 1 where A > 0.5, else 0.')
        c.close(out, [[0, 1, 1, 1, 1]], 'predict on w = [[1], [-1]], b = 0.5',
                _likely(out, [
                    ([[0, 1, 1, 1, 0]], 'b is missing from w.T @ X + b'),
                    ([[1, 0, 0, 0, 0]], 'labels are swapped: predict 1 '
                     'where A > 0.5'),
                ]))
        w = np.array([[-0.84], [-0.23], [0.49], [0.08]])  # (4, 1)
        X = np.array([[0.34, 0.93, -2.14, -1.71, 1.23, -1.34, -0.37],
                      [-2.2, -1.95, 1.97, 1.77, 4.32, -5.88, -0.14],
                      [0.97, -2.89, -0.89, 0.56, 2.05, 3.98, 0.21],
                      [0.96, -0.89, -2.76, -0.11, -0.58, 0.27, 1.08]])
        out = c.call(predict, w.copy(), -0.6, X.copy())
        c.shape(out, (1, 7), 'the predictions for 7 examples with n_x = 4',
                'use the shapes of w and X, not fixed numbers')
        c.close(out, [[1, 0, 1, 1, 0, 1, 0]], 'predict on a 4 x 7 problem',
                _likely(out, [([[1, 0, 1, 1, 0, 1, 1]],
                               'b is missing from w.T @ X + b')]))
        flipped = c.call(predict, -w, 0.6, X.copy())
        c.close(flipped, 1 - out, 'predict(-w, -b, X)',
                'negating w and b should swap every label')


def model(model):
    """Check the dict returned by model on a tiny 2-feature problem."""
    with check('model') as c:
        X_train = np.array([[-0.79, -0.15, 2.75, -1.33, 2.2, 2.41],
                            [-2.35, -2.92, 1.31, -0.96, -0.7, -0.73]])
        Y_train = np.array([[0, 0, 1, 0, 1, 1]])  # (1, 6)
        X_test = np.array([[-0.13, 1.2, -1.49], [0.83, -0.15, -1.74]])
        Y_test = np.array([[1, 1, 0]])  # (1, 3)
        d = c.call(model, X_train.copy(), Y_train.copy(), X_test.copy(),
                   Y_test.copy(), num_iterations=300, learning_rate=0.05)
        c.type(d, dict, 'model(...)')
        keys = {'costs', 'Y_prediction_test', 'Y_prediction_train', 'w',
                'b', 'learning_rate', 'num_iterations'}
        missing = keys - set(d)
        c.true(not missing, f'the dict is missing the keys {sorted(missing)}.')
        c.shape(d['w'], (2, 1), 'd["w"]', 'one weight per feature')
        _scalar(c, d['b'], 'd["b"]', 'b stays a number')
        c.shape(d['Y_prediction_train'], (1, 6), 'd["Y_prediction_train"]',
                'predict on X_train for the training predictions')
        c.shape(d['Y_prediction_test'], (1, 3), 'd["Y_prediction_test"]',
                'predict on X_test for the test predictions')
        c.true(len(d['costs']) == 3, f'with num_iterations=300, costs '
               f'should hold 3 entries, got {len(d["costs"])} — pass '
               'num_iterations on to optimize.')
        c.true(d['learning_rate'] == 0.05 and d['num_iterations'] == 300,
               'd["learning_rate"] and d["num_iterations"] should be the '
               'values model was called with.')
        c.close(d['w'], [[1.83434464879], [1.066160689056]], 'd["w"] after '
                '300 iterations at learning_rate 0.05', _likely(d['w'], [
                    ([[3.063397862169], [1.733075875158]], 'learning_rate '
                     'is ignored (the default 0.5 was used)'),
                    ([[0.957093420097], [0.582143779292]], 'learning_rate '
                     'is not passed on to optimize'),
                    ([[1.495901039422], [1.524470875773]], 'trained on the '
                     'test set; optimize on X_train, Y_train'),
                ]))
        c.close(d['b'], -0.06551348264345984, 'd["b"]')
        c.close(np.ravel(np.asarray(d['costs'], dtype=float)),
                [0.6931471805599453, 0.0705886397018833,
                 0.03626591557092148], 'd["costs"]')
        c.close(d['Y_prediction_train'], [[0, 0, 1, 0, 1, 1]],
                'd["Y_prediction_train"]')
        c.close(d['Y_prediction_test'], [[1, 1, 0]], 'd["Y_prediction_test"]')
