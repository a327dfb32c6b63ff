"""Hidden checks for C1_W2A2, Logistic Regression with a NN mindset.

Fixtures are small fresh problems: n_x features, m examples, labels in
{0, 1}. Functions that call other graded functions run beside our
references for those, so only the function under test is the learner's.
"""
import numpy as np

from ..checking import Registry
from .c1_w2a1 import _array_function

checks = Registry()


def _problem(t, n_x=None, m=None):
    n_x = n_x or int(t.rng.integers(3, 9))
    m = m or int(t.rng.integers(6, 20))
    w = t.rng.normal(0, 0.5, size=(n_x, 1))
    b = float(t.rng.normal(0, 0.5))
    X = t.rng.normal(0, 1, size=(n_x, m))
    Y = (t.rng.uniform(size=(1, m)) > 0.5).astype(float)
    return w, b, X, Y


@checks('sigmoid')
def sigmoid(t):
    _array_function(t, 'sigmoid')
    with t.case():
        out = t.call(0.0, label='sigmoid on a plain number runs')
        t.close('sigmoid(0)', out, 0.5)


@checks('initialize_with_zeros')
def initialize_with_zeros(t):
    for dim in (int(t.rng.integers(5, 40)), 1):
        with t.case():
            out = t.call(dim, label=f'initialize_with_zeros({dim}) runs')
            w, b = t.unpack(f'initialize_with_zeros({dim}) returns (w, b)',
                            out, 2)
            t.type(f'dim={dim}: w', w, np.ndarray)
            t.shape(f'dim={dim}: w shape', w, (dim, 1),
                    hint='w is a column vector np.zeros((dim, 1))',
                    via=lambda f, d=dim: f(d)[0])
            t.check(f'dim={dim}: w is all zeros',
                    np.all(np.asarray(w) == 0), 'some entries are not 0 — '
                    'w must start at zero (np.zeros), not random')
            t.check(f'dim={dim}: w holds floats',
                    np.asarray(w).dtype.kind == 'f',
                    f'w has dtype {np.asarray(w).dtype} — use float zeros, '
                    'np.zeros((dim, 1)) without dtype=int')
            t.type(f'dim={dim}: b', b, float,
                   hint='write b = 0.0 (a Python float), not b = 0')
            t.close(f'dim={dim}: b value', b, 0.0)


def _propagate_case(t, w, b, X, Y):
    tag = f'n_x={X.shape[0]}, m={X.shape[1]}'
    grads, cost = t.unpack(f'{tag}: returns (grads, cost)',
                           t.call(w, b, X, Y, label=f'{tag}: runs'), 2)
    (e_grads, e_cost) = t.ref(w, b, X, Y)
    dw = t.key(f'{tag}: grads has "dw"', grads, 'dw')
    t.shape(f'{tag}: dw shape', dw, w.shape,
            hint='dw = X (A - Y)^T / m has the shape of w')
    t.close(f'{tag}: dw', dw, e_grads['dw'],
            via=lambda f: f(w, b, X, Y)[0]['dw'])
    db = t.key(f'{tag}: grads has "db"', grads, 'db')
    t.close(f'{tag}: db', db, e_grads['db'],
            via=lambda f: f(w, b, X, Y)[0]['db'])
    t.check(f'{tag}: cost is a single number', np.size(cost) == 1,
            f'cost has shape {np.shape(cost)}; sum over the examples')
    t.close(f'{tag}: cost', cost, e_cost, via=lambda f: f(w, b, X, Y)[1])


@checks('propagate')
def propagate(t):
    for _ in range(2):
        with t.case():
            _propagate_case(t, *_problem(t))


@checks('optimize')
def optimize(t):
    w, b, X, Y = _problem(t)
    iters, rate = 201, float(t.rng.uniform(0.05, 0.2))
    args = (w, b, X, Y, iters, rate)
    with t.case():
        out = t.call(*args, label='optimize runs')
        params, grads, costs = t.unpack('returns (params, grads, costs)',
                                        out, 3)
        e_params, e_grads, e_costs = t.ref(*args)
        got_w = t.key('params has "w"', params, 'w')
        t.close('final w', got_w, e_params['w'],
                via=lambda f: f(*args)[0]['w'])
        got_b = t.key('params has "b"', params, 'b')
        t.close('final b', got_b, e_params['b'],
                via=lambda f: f(*args)[0]['b'])
        t.close('last grads["dw"]', t.key('grads has "dw"', grads, 'dw'),
                e_grads['dw'], via=lambda f: f(*args)[1]['dw'])
        t.check('costs is a list with one cost every 100 iterations',
                isinstance(costs, (list, np.ndarray))
                and len(costs) == len(e_costs),
                f'expected {len(e_costs)} costs for {iters} iterations '
                f'(at 0, 100, 200), got '
                f'{len(costs) if hasattr(costs, "__len__") else costs} — '
                'append the cost only when i % 100 == 0')
        t.close('recorded costs', costs, e_costs, via=lambda f: f(*args)[2])
        w_after, b_after = t.args_after[0], t.args_after[1]
        t.check('w passed in is left unchanged',
                np.allclose(np.asarray(w_after, dtype=float), w),
                'optimize changed the caller\'s w in place — copy it first '
                '(w = copy.deepcopy(w)) or write w = w - ...')
        t.close('b passed in is left unchanged', b_after, b)
    with t.case():
        short = (w, b, X, Y, 7, rate)
        out = t.call(*short, label='optimize with 7 iterations runs')
        params = t.unpack('7 iterations: returns 3 values', out, 3)[0]
        t.close('7 iterations: final w', t.key('7 iterations: params has '
                '"w"', params, 'w'), t.ref(*short)[0]['w'],
                via=lambda f: f(*short)[0]['w'],
                hint='use the num_iterations argument')


@checks('predict')
def predict(t):
    for _ in range(2):
        with t.case():
            w, b, X, _Y = _problem(t, m=int(t.rng.integers(15, 40)))
            b = float(np.sign(b) * (1.0 + abs(b)))   # b moves some labels
            tag = f'm={X.shape[1]}'
            out = t.call(w, b, X, label=f'{tag}: predict runs')
            t.type(f'{tag}: returns an array', out, np.ndarray)
            t.shape(f'{tag}: output shape', out, (1, X.shape[1]),
                    hint='one prediction per example, shape (1, m)',
                    via=lambda f, a=(w, b, X): f(*a))
            t.check(f'{tag}: every prediction is 0 or 1',
                    np.all(np.isin(np.asarray(out, dtype=float), (0, 1))),
                    'turn probabilities into labels with A > 0.5')
            t.close(f'{tag}: predictions', out, t.ref(w, b, X),
                    via=lambda f, a=(w, b, X): f(*a))


@checks('model')
def model(t):
    n_x = int(t.rng.integers(3, 7))
    _w, _b, X_train, Y_train = _problem(t, n_x=n_x, m=24)
    _w, _b, X_test, Y_test = _problem(t, n_x=n_x, m=9)
    X_train[0] += 2 * Y_train[0]        # learnable signal
    X_test[0] += 2 * Y_test[0]
    Y_test[0, :2] = 1 - Y_test[0, :2]   # label noise: predictions differ
    iters, rate = 301, float(t.rng.uniform(0.05, 0.3))
    args = (X_train, Y_train, X_test, Y_test, iters, rate)
    with t.case():
        d = t.call(*args, label='model runs')
        e = t.ref(*args)
        t.type('returns a dict', d, dict)
        for key in ('costs', 'Y_prediction_test', 'Y_prediction_train', 'w',
                    'b', 'learning_rate', 'num_iterations'):
            t.check(f'dict has key "{key}"', key in d, f'add "{key}"')
        for key in ('w', 'b', 'costs', 'Y_prediction_train',
                    'Y_prediction_test'):
            with t.case():
                got = t.key(f'd["{key}"] present', d, key)
                t.close(f'd["{key}"]', got, e[key],
                        via=lambda f, k=key: f(*args)[k])
        t.close('d["learning_rate"]', d.get('learning_rate'), rate)
        t.close('d["num_iterations"]', d.get('num_iterations'), iters)
