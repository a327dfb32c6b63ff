"""Hidden checks for C1_W3A1, planar data classification with one hidden
layer.

Fixtures are fresh small networks: n_x inputs, n_h tanh units, one sigmoid
output, m examples. Caches for backward_propagation come from the forward
pass itself (A1 = tanh(Z1) exactly), so every correct formula for the tanh
slope passes. Random functions are checked through statistics and seeding
behaviour; nn_model is compared with the reference under the same seed
(the sandbox's initialize_parameters is ours, so the draws agree).
"""
import numpy as np

from ..checking import Registry

checks = Registry()
KEYS = ('W1', 'b1', 'W2', 'b2')


def _seeded(seed, f, *args, **kwargs):
    """Call `f` right after np.random.seed(seed), as t.call(seed=...) does."""
    np.random.seed(seed)
    return f(*args, **kwargs)


def _sizes(t):
    """n_x, n_h, m, all different, so a transposed shape shows."""
    n_x = int(t.rng.integers(3, 7))
    n_h = n_x + int(t.rng.integers(1, 4))
    return n_x, n_h, int(t.rng.integers(12, 25))


def _params(t, n_x, n_h, n_y=1, scale=1.0):
    return {'W1': t.rng.normal(0, scale, (n_h, n_x)),
            'b1': t.rng.normal(0, 0.5, (n_h, 1)),
            'W2': t.rng.normal(0, scale, (n_y, n_h)),
            'b2': t.rng.normal(0, 0.5, (n_y, 1))}


def _labels(t, m, dtype=float):
    Y = (t.rng.uniform(size=(1, m)) > 0.5).astype(dtype)
    Y[0, :2] = (0, 1)   # both classes present
    return Y


def _forward(X, p):
    Z1 = p['W1'] @ X + p['b1']
    A1 = np.tanh(Z1)
    Z2 = p['W2'] @ A1 + p['b2']
    A2 = 1 / (1 + np.exp(-Z2))
    return {'Z1': Z1, 'A1': A1, 'Z2': Z2, 'A2': A2}


def _dict_values(t, tag, got, expected, keys, via):
    """Shape and value of every key of a returned dict."""
    for key in keys:
        value = t.key(f'{tag}: has "{key}"', got, key)
        t.shape(f'{tag}: {key} shape', value, np.shape(expected[key]),
                via=lambda f, k=key: via(f)[k])
        t.close(f'{tag}: {key}', value, expected[key],
                via=lambda f, k=key: via(f)[k])


@checks('layer_sizes')
def layer_sizes(t):
    for n_y in (1, int(t.rng.integers(2, 5))):
        n_x = int(t.rng.integers(3, 13))
        m = n_x + int(t.rng.integers(5, 30))
        X, Y = t.rng.normal(size=(n_x, m)), np.zeros((n_y, m))
        tag = f'X {X.shape}, Y {Y.shape}'
        with t.case():
            out = t.unpack(f'{tag}: returns (n_x, n_h, n_y)',
                           t.call(X, Y, label=f'{tag}: runs'), 3)
            expected = t.ref(X, Y)
            for i, name in enumerate(('n_x', 'n_h', 'n_y')):
                t.close(f'{tag}: {name}', out[i], expected[i],
                        via=lambda f, i=i: f(X, Y)[i])


@checks('initialize_parameters')
def initialize_parameters(t):
    n_x, n_h, _ = _sizes(t)
    n_y = int(t.rng.integers(1, 4))
    seed = int(t.rng.integers(1000))
    args = (n_x, n_h, n_y)
    tag = f'sizes {args}'
    with t.case():
        p = t.call(*args, seed=seed, label=f'{tag}: runs')
        t.type(f'{tag}: returns a dict', p, dict)
        shapes = {'W1': (n_h, n_x), 'b1': (n_h, 1), 'W2': (n_y, n_h),
                  'b2': (n_y, 1)}
        for key, shape in shapes.items():
            value = t.key(f'{tag}: has "{key}"', p, key)
            t.shape(f'{tag}: {key} shape', value, shape,
                    via=lambda f, k=key: _seeded(seed, f, *args)[k])
        for key in ('b1', 'b2'):
            t.check(f'{tag}: {key} is zeros', not np.any(p[key]),
                    'some entries are not 0 — the biases start at zero: '
                    'np.zeros((n, 1))', weight=2)
        for key in ('W1', 'W2'):
            t.check(f'{tag}: {key} is random, not constant',
                    np.unique(np.asarray(p[key])).size == p[key].size,
                    'some weights are equal — equal weights make every '
                    'hidden unit the same (symmetry); use '
                    'np.random.randn(...) * 0.01')
    big = (int(t.rng.integers(50, 70)), int(t.rng.integers(40, 60)),
           int(t.rng.integers(35, 50)))
    tag = f'sizes {big}'
    with t.case():
        p = t.call(*big, seed=seed + 1, label=f'{tag}: runs')
        for key in ('W1', 'W2'):
            w = np.asarray(t.key(f'{tag}: has "{key}"', p, key), dtype=float)
            mean, std = float(w.mean()), float(w.std())
            ok = abs(mean) < 0.002 and 0.0085 < std < 0.0115
            cause = None if ok else t.diagnose(
                w, lambda f, k=key: _seeded(seed + 1, f, *big)[k])
            t.check(f'{tag}: {key} entries have mean 0 and std 0.01', ok,
                    f'got mean {mean:.3g} and std {std:.3g} over {w.size} '
                    'entries — ' + (f'likely cause: {cause}' if cause else
                                    'use np.random.randn(...) * 0.01'),
                    weight=2)
    tag = f'sizes {args}'
    with t.case():
        first = t.call(*args, seed=seed + 2, label=f'{tag}: runs')
        again = t.call(*args, seed=seed + 2, label=f'{tag}: runs again')
        other = t.call(*args, seed=seed + 3, label=f'{tag}: runs again')
        w1 = [np.asarray(t.key('returns "W1"', d, 'W1'), dtype=float)
              for d in (first, again, other)]
        t.check('the same seed gives the same weights',
                w1[0].shape == w1[1].shape and np.array_equal(w1[0], w1[1]),
                'two calls after the same np.random.seed differ — draw the '
                'weights with np.random.randn, which follows the seed')
        t.check('different seeds give different weights',
                w1[0].shape != w1[2].shape or not np.array_equal(w1[0],
                                                                 w1[2]),
                'two calls after different seeds gave the same weights — '
                'do not call np.random.seed inside initialize_parameters; '
                'the caller seeds')


@checks('forward_propagation')
def forward_propagation(t):
    for _ in range(2):
        n_x, n_h, m = _sizes(t)
        X, p = t.rng.normal(size=(n_x, m)), _params(t, n_x, n_h)
        tag = f'n_x={n_x}, n_h={n_h}, m={m}'
        with t.case():
            out = t.call(X, p, label=f'{tag}: runs')
            A2, cache = t.unpack(f'{tag}: returns (A2, cache)', out, 2)
            e_A2, e_cache = t.ref(X, p)
            t.shape(f'{tag}: A2 shape', A2, e_A2.shape,
                    via=lambda f: f(X, p)[0])
            t.close(f'{tag}: A2', A2, e_A2, via=lambda f: f(X, p)[0])
            t.type(f'{tag}: cache is a dict', cache, dict)
            _dict_values(t, f'{tag}: cache', cache, e_cache,
                         ('Z1', 'A1', 'Z2', 'A2'), lambda f: f(X, p)[1])


@checks('compute_cost')
def compute_cost(t):
    for dtype in (float, np.uint8):
        m = int(t.rng.integers(8, 40))
        A2 = t.rng.uniform(0.05, 0.95, size=(1, m))
        Y = _labels(t, m, dtype)
        tag = f'm={m}'
        with t.case():
            cost = t.call(A2, Y, label=f'{tag}: runs')
            t.type(f'{tag}: the cost is a float', cost, float,
                   hint='return float(cost), not an array')
            t.close(f'{tag}: cost', cost, t.ref(A2, Y),
                    via=lambda f: f(A2, Y))


@checks('backward_propagation')
def backward_propagation(t):
    for _ in range(2):
        n_x, n_h, m = _sizes(t)
        X, p = t.rng.normal(size=(n_x, m)), _params(t, n_x, n_h)
        Y = _labels(t, m)
        cache = _forward(X, p)
        tag = f'n_x={n_x}, n_h={n_h}, m={m}'
        args = (p, cache, X, Y)
        with t.case():
            grads = t.call(*args, label=f'{tag}: runs')
            t.type(f'{tag}: returns a dict', grads, dict)
            _dict_values(t, f'{tag}: grads', grads, t.ref(*args),
                         ('dW2', 'db2', 'dW1', 'db1'), lambda f: f(*args))


@checks('update_parameters')
def update_parameters(t):
    n_x, n_h, _ = _sizes(t)
    p, g = _params(t, n_x, n_h), _params(t, n_x, n_h)
    g = {'d' + k: v for k, v in g.items()}
    rate = float(t.rng.uniform(0.05, 0.9))
    tag = f'learning_rate={rate:.3f}'
    with t.case():
        new = t.call(p, g, rate, label=f'{tag}: runs')
        after = t.args_after[0]
        t.type(f'{tag}: returns a dict', new, dict)
        _dict_values(t, tag, new, t.ref(p, g, rate), KEYS,
                     lambda f: f(p, g, rate))
        t.check('the parameters passed in are left unchanged',
                isinstance(after, dict) and all(
                    np.array_equal(np.asarray(after.get(k)), p[k])
                    for k in KEYS),
                'update_parameters changed the caller\'s dict in place — '
                'build a new one: W1 = parameters["W1"] - learning_rate * '
                'grads["dW1"]')
    with t.case():
        new = t.call(p, g, label='default learning_rate: runs')
        _dict_values(t, 'default learning_rate', new, t.ref(p, g),
                     ('W1', 'b2'), lambda f: f(p, g))


@checks('nn_model')
def nn_model(t):
    for n_x in (2, 3):
        m = int(t.rng.integers(12, 30))
        n_h = int(t.rng.choice([2, 3, 5, 6]))   # not layer_sizes' 4
        Y = _labels(t, m)
        X = t.rng.normal(size=(n_x, m))
        X[0] += 1.5 * (2 * Y[0] - 1)    # learnable signal
        iters = int(t.rng.integers(20, 60))
        seed = int(t.rng.integers(1000))
        tag = f'n_x={n_x}, n_h={n_h}, m={m}, {iters} iterations'
        with t.case():
            out = t.call(X, Y, n_h, num_iterations=iters, seed=seed,
                         label=f'{tag}: runs')
            t.type(f'{tag}: returns a dict', out, dict)
            expected = _seeded(seed, t.ref, X, Y, n_h, num_iterations=iters)
            _dict_values(t, tag, out, expected, KEYS, lambda f: _seeded(
                seed, f, X, Y, n_h, num_iterations=iters))


@checks('predict')
def predict(t):
    for _ in range(2):
        n_x, n_h, m = _sizes(t)
        m += 10
        X, p = t.rng.normal(size=(n_x, m)), _params(t, n_x, n_h, scale=1.5)
        p['b2'] = np.zeros((1, 1))
        p['b2'] = 0.1 - np.median(_forward(X, p)['Z2'], keepdims=True)
        tag = f'n_x={n_x}, n_h={n_h}, m={m}'
        with t.case():
            out = t.call(p, X, label=f'{tag}: runs')
            t.type(f'{tag}: returns an array', out, np.ndarray)
            t.shape(f'{tag}: output shape', out, (1, m),
                    hint='one prediction per example, shape (1, m)',
                    via=lambda f: f(p, X))
            t.check(f'{tag}: every prediction is 0 or 1',
                    np.all(np.isin(np.asarray(out, dtype=float), (0, 1))),
                    'some values are neither 0 nor 1 — turn probabilities '
                    'into labels with A2 > 0.5')
            t.close(f'{tag}: predictions', out, t.ref(p, X),
                    via=lambda f: f(p, X))
