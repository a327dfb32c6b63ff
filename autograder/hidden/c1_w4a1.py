"""Hidden checks for C1_W4A1, Building your Deep Neural Network step by step.

Every network, input and cache is fresh (sizes from ``t.rng``) and
self-consistent: caches come from our reference forward pass
(``shared_utils.nn_reference``), so any equivalent formula passes. Random
initialisers are judged by shapes and statistics, never by one draw order.
``L_model_backward`` is also compared with centred finite differences of the
cost.
"""
import numpy as np

from shared_utils import nn_reference as R

from ..checking import Registry

checks = Registry()
ACTIVATIONS = ('sigmoid', 'relu')
GRAD_KEYS = ('layer l = L..1 stores dA{l-1}, dW{l} and db{l}, from '
             'linear_activation_backward with caches[l - 1]')


def _size(t, low, high):
    return int(t.rng.integers(low, high))


def _network(t, dims, scale=1.0):
    """Parameters with weights ~ N(0, scale / n_prev) and non-zero biases."""
    params = {}
    for l in range(1, len(dims)):
        params[f'W{l}'] = t.rng.normal(0, scale / np.sqrt(dims[l - 1]),
                                       size=(dims[l], dims[l - 1]))
        params[f'b{l}'] = t.rng.normal(0, 0.3, size=(dims[l], 1))
    return params


def _dims(t):
    depth = _size(t, 2, 4)  # hidden layers
    return [_size(t, 3, 7)] + [_size(t, 2, 6) for _ in range(depth)] + [1]


def _labels(t, m):
    Y = (t.rng.uniform(size=(1, m)) > 0.5).astype(float)
    Y[0, :2] = (0.0, 1.0)  # both classes present
    return Y


def _key(t, label, mapping, key, hint):
    """mapping[key], or abort the case with a message that says why."""
    t.type(label, mapping, dict)
    t.require(label, key in mapping, f'missing key {key!r} — {hint}')
    return mapping[key]


def _weights_ok(t, label, W, scale=0.01):
    W = np.asarray(W, dtype=float)
    t.check(f'{label}: random, not all zeros', np.any(W != 0),
            'all zeros — weights must start random (np.random.randn), or '
            'all units of a layer stay identical', weight=2)
    std, mean = float(W.std()), float(W.mean())
    t.check(f'{label}: spread about {scale}',
            abs(std - scale) < 0.1 * scale and abs(mean) < 0.1 * scale,
            f'mean {mean:.3g} and standard deviation {std:.3g}, expected '
            f'about 0 and {scale} — use np.random.randn(rows, cols) * 0.01',
            weight=10)


def _param_dict(t, label, params, shapes):
    t.type(f'{label}: returns a dict', params, dict)
    extra = sorted(set(params) - set(shapes))
    t.check(f'{label}: no extra keys', not extra,
            f'unexpected keys {extra} — one W and one b per layer '
            'l = 1..L, where L = len(layer_dims) - 1')
    for key, shape in shapes.items():
        value = _key(t, f'{label}: has {key!r}', params, key,
                     'one W and one b per layer l = 1..L: loop over '
                     'range(1, len(layer_dims)), the last layer included')
        t.shape(f'{label}: {key} shape', value, shape,
                hint='W^[l] is (n_l, n_{l-1}); b^[l] is (n_l, 1)')
        if key.startswith('b'):
            t.check(f'{label}: {key} is zeros',
                    not np.any(np.asarray(value, dtype=float)),
                    'some entries are not 0 — biases start at zero')


@checks('initialize_parameters')
def initialize_parameters(t):
    # the large case: W1 and W2 each have >= 2400 entries, so each one's
    # mean and spread are judged on its own
    for n_x, n_h, n_y in ((_size(t, 150, 260), _size(t, 60, 100),
                           _size(t, 40, 60)),
                          (_size(t, 2, 5), _size(t, 3, 7), 1)):
        label = f'initialize_parameters({n_x}, {n_h}, {n_y})'
        with t.case():
            params = t.call(n_x, n_h, n_y, label=f'{label} runs')
            _param_dict(t, label, params, {
                'W1': (n_h, n_x), 'b1': (n_h, 1), 'W2': (n_y, n_h),
                'b2': (n_y, 1)})
            if n_x * n_h > 5000:
                for key in ('W1', 'W2'):
                    _weights_ok(t, f'{label}: {key}', params[key])


@checks('initialize_parameters_deep')
def initialize_parameters_deep(t):
    big = [_size(t, 200, 320), _size(t, 25, 45), _size(t, 3, 9), 1]
    small = [_size(t, 2, 6), _size(t, 2, 6)]
    for dims in (big, small):
        label = f'initialize_parameters_deep({dims})'
        with t.case():
            params = t.call(list(dims), label=f'{label} runs')
            shapes = {}
            for l in range(1, len(dims)):
                shapes[f'W{l}'] = (dims[l], dims[l - 1])
                shapes[f'b{l}'] = (dims[l], 1)
            _param_dict(t, label, params, shapes)
            if dims is big:
                W = np.concatenate([np.ravel(params[f'W{l}'])
                                    for l in range(1, len(dims))])
                _weights_ok(t, f'{label}: all weights', W)


@checks('linear_forward')
def linear_forward(t):
    for _ in range(2):
        n_prev, n, m = _size(t, 2, 8), _size(t, 1, 6), _size(t, 2, 9)
        A = t.rng.normal(size=(n_prev, m))
        W = t.rng.normal(size=(n, n_prev))
        b = t.rng.normal(size=(n, 1))
        tag = f'W {W.shape}, A {A.shape}'
        with t.case():
            out = t.call(A, W, b, label=f'{tag}: runs')
            Z, cache = t.unpack(f'{tag}: returns (Z, cache)', out, 2)
            t.type(f'{tag}: Z is an array', Z, np.ndarray)
            t.shape(f'{tag}: Z shape', Z, (n, m),
                    via=lambda f, a=(A, W, b): f(*a)[0])
            t.close(f'{tag}: Z', Z, t.ref(A, W, b)[0],
                    via=lambda f, a=(A, W, b): f(*a)[0])
            parts = t.unpack(f'{tag}: cache is (A, W, b)', cache, 3)
            for got, want, name in zip(parts, (A, W, b), 'AWb'):
                t.close(f'{tag}: cache holds {name} in place {name}', got,
                        want, hint='the cache is (A, W, b), in this order')


@checks('linear_activation_forward')
def linear_activation_forward(t):
    for activation in ACTIVATIONS:
        n_prev, n, m = _size(t, 2, 8), _size(t, 2, 6), _size(t, 3, 9)
        A = t.rng.normal(size=(n_prev, m))
        W = t.rng.normal(size=(n, n_prev))
        b = t.rng.normal(size=(n, 1))
        args = (A, W, b, activation)
        tag = f'{activation!r}'
        with t.case():
            out = t.call(*args, label=f'{tag}: runs')
            got_A, cache = t.unpack(f'{tag}: returns (A, cache)', out, 2)
            e_A, (e_linear, e_Z) = t.ref(*args)
            t.type(f'{tag}: A is an array', got_A, np.ndarray)
            t.shape(f'{tag}: A shape', got_A, (n, m))
            t.close(f'{tag}: A', got_A, e_A, via=lambda f, a=args: f(*a)[0])
            linear, act = t.unpack(
                f'{tag}: cache is (linear_cache, activation_cache)', cache, 2)
            t.require(f'{tag}: linear_cache is (A_prev, W, b)',
                      isinstance(linear, (tuple, list)) and len(linear) == 3,
                      f'cache[0] is a {type(linear).__name__} — cache = '
                      '(linear_cache, activation_cache), in this order')
            parts = linear
            t.close(f'{tag}: linear_cache', np.concatenate(
                [np.ravel(p) for p in parts]), np.concatenate(
                [np.ravel(p) for p in e_linear]),
                hint='cache = (linear_cache, activation_cache)')
            t.close(f'{tag}: activation_cache is Z', act, e_Z,
                    hint='cache = (linear_cache, activation_cache)')


@checks('L_model_forward')
def L_model_forward(t):
    for _ in range(2):
        dims = _dims(t)
        m = _size(t, 3, 9)
        params = _network(t, dims)
        X = t.rng.normal(size=(dims[0], m))
        L = len(dims) - 1
        tag = f'layer_dims {dims}'
        with t.case():
            out = t.call(X, params, label=f'{tag}: runs')
            AL, caches = t.unpack(f'{tag}: returns (AL, caches)', out, 2)
            e_AL, e_caches = t.ref(X, params)
            t.type(f'{tag}: AL is an array', AL, np.ndarray)
            t.shape(f'{tag}: AL shape', AL, (1, m),
                    via=lambda f, a=(X, params): f(*a)[0])
            t.close(f'{tag}: AL', AL, e_AL,
                    via=lambda f, a=(X, params): f(*a)[0])
            t.check(f'{tag}: one cache per layer',
                    isinstance(caches, list) and len(caches) == L,
                    f'expected a list of {L} caches, got '
                    f'{len(caches) if hasattr(caches, "__len__") else caches}'
                    ' — append the cache of every layer, the last one too')
            found = len(caches) if isinstance(caches, list) else 0
            with t.case():
                for l in range(min(L, found)):
                    Z = t.unpack(f'{tag}: caches[{l}] is a pair',
                                 caches[l], 2)[1]
                    t.close(f'{tag}: caches[{l}] holds Z of layer {l + 1}',
                            Z, e_caches[l][1],
                            hint='caches[l - 1] is the cache of layer l')


@checks('compute_cost')
def compute_cost(t):
    for _ in range(2):
        m = _size(t, 4, 15)
        AL = t.rng.uniform(0.03, 0.97, size=(1, m))
        Y = _labels(t, m)
        tag = f'm={m}'
        with t.case():
            cost = t.call(AL, Y, label=f'{tag}: runs')
            # (a 0-d array comes back from the sandbox as shape (1,))
            t.check(f'{tag}: cost is one number',
                    np.size(cost) == 1 and np.ndim(cost) <= 1,
                    f'cost has shape {np.shape(cost)} — use np.squeeze or '
                    'np.sum so it is a single number')
            t.close(f'{tag}: cost', cost, t.ref(AL, Y),
                    via=lambda f, a=(AL, Y): f(*a))


def _linear_cache(t):
    n_prev, n, m = _size(t, 2, 8), _size(t, 2, 6), _size(t, 3, 9)
    A = t.rng.normal(size=(n_prev, m))
    W = t.rng.normal(size=(n, n_prev))
    b = t.rng.normal(size=(n, 1))
    return A, W, b


def _close_triple(t, tag, out, expected, via):
    parts = t.unpack(f'{tag}: returns (dA_prev, dW, db)', out, 3)
    for i, name in enumerate(('dA_prev', 'dW', 'db')):
        t.type(f'{tag}: {name} is an array', parts[i], np.ndarray)
        t.shape(f'{tag}: {name} shape', parts[i], np.shape(expected[i]),
                via=lambda f, i=i: via(f)[i])
        t.close(f'{tag}: {name}', parts[i], expected[i],
                via=lambda f, i=i: via(f)[i])


@checks('linear_backward')
def linear_backward(t):
    for _ in range(2):
        cache = _linear_cache(t)
        A, W, _b = cache
        dZ = t.rng.normal(size=(W.shape[0], A.shape[1]))
        tag = f'dZ {dZ.shape}, A_prev {A.shape}'
        with t.case():
            out = t.call(dZ, cache, label=f'{tag}: runs')
            _close_triple(t, tag, out, t.ref(dZ, cache),
                          lambda f, a=(dZ, cache): f(*a))


@checks('linear_activation_backward')
def linear_activation_backward(t):
    for activation in ACTIVATIONS:
        A, W, b = _linear_cache(t)
        Z = W @ A + b
        cache = ((A, W, b), Z)
        dA = t.rng.normal(size=Z.shape)
        args = (dA, cache, activation)
        tag = f'{activation!r}'
        with t.case():
            out = t.call(*args, label=f'{tag}: runs')
            _close_triple(t, tag, out, t.ref(*args),
                          lambda f, a=args: f(*a))


def _backward_problem(t):
    """A network whose ReLU inputs stay clear of the kink at 0."""
    while True:
        dims = _dims(t)
        m = _size(t, 4, 9)
        params = _network(t, dims, scale=1.5)
        X = t.rng.normal(size=(dims[0], m))
        AL, caches = R.L_model_forward(X, params)
        if all(np.min(np.abs(c[1])) > 1e-3 for c in caches):
            return dims, params, X, _labels(t, m), AL, caches


def _numeric_gradient(X, Y, params, key, eps=1e-6):
    """Centred differences of our cost with respect to params[key]."""
    slopes = np.zeros_like(params[key])
    for where in np.ndindex(slopes.shape):
        values = []
        for step in (eps, -eps):
            nudged = dict(params)
            nudged[key] = params[key].copy()
            nudged[key][where] += step
            values.append(float(R.compute_cost(
                R.L_model_forward(X, nudged)[0], Y)))
        slopes[where] = (values[0] - values[1]) / (2 * eps)
    return slopes


@checks('L_model_backward')
def L_model_backward(t):
    for _ in range(2):
        dims, params, X, Y, AL, caches = _backward_problem(t)
        L = len(dims) - 1
        tag = f'layer_dims {dims}'
        args = (AL, Y, caches)
        with t.case():
            grads = t.call(*args, label=f'{tag}: runs')
            expected = t.ref(*args)
            t.type(f'{tag}: returns a dict', grads, dict)
            for l in range(L, 0, -1):
                for key in (f'dW{l}', f'db{l}', f'dA{l - 1}'):
                    with t.case():
                        got = _key(t, f'{tag}: grads has {key!r}', grads,
                                   key, GRAD_KEYS)
                        t.shape(f'{tag}: {key} shape', got,
                                expected[key].shape,
                                via=lambda f, k=key: f(*args)[k])
                        t.close(f'{tag}: {key}', got, expected[key],
                                via=lambda f, k=key: f(*args)[k])
                for key in (f'dW{l}', f'db{l}'):
                    with t.case():
                        got = np.asarray(_key(
                            t, f'{tag}: grads has {key!r}', grads, key,
                            GRAD_KEYS), dtype=float)
                        numeric = _numeric_gradient(X, Y, params, key[1:])
                        ok = got.shape == numeric.shape
                        error = (np.linalg.norm(got - numeric) / (
                            np.linalg.norm(got) + np.linalg.norm(numeric)
                            + 1e-12)) if ok else np.inf
                        t.check(f'{tag}: {key} matches the slope of the '
                                'cost (finite differences)', error < 1e-5,
                                f'relative error {error:.2g} — the '
                                'gradient does not match the cost')


@checks('update_parameters')
def update_parameters(t):
    dims = _dims(t)
    params = _network(t, dims)
    grads = {'d' + k: t.rng.normal(size=v.shape) for k, v in params.items()}
    rate = float(t.rng.uniform(0.01, 0.5))
    args = (params, grads, rate)
    with t.case():
        new = t.call(*args, label='update_parameters runs')
        expected = t.ref(*args)
        t.type('returns a dict', new, dict)
        for key in params:
            with t.case():
                got = _key(t, f'result has {key!r}', new, key,
                           'update every W and b, the last layer included')
                t.close(f'{key} after one step', got, expected[key],
                        via=lambda f, k=key: f(*args)[k])
        after = t.args_after[0]
        t.check('params passed in is left unchanged',
                isinstance(after, dict) and all(
                    np.allclose(np.asarray(after[k], dtype=float), v)
                    for k, v in params.items()),
                'your function changed the caller\'s params — work on a '
                'copy ({k: v.copy() ...} or copy.deepcopy) and write '
                'W = W - ..., not W -= ...')
