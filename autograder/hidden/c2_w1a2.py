"""Hidden checks for C2_W1A2, Regularization.

Fixtures are fresh 3-layer problems drawn from ``t.rng`` (other sizes than
the public checks). Gradients are compared with our reference on caches
built by our reference forward passes, so the masks in a dropout cache are
consistent. The learner's dropout forward pass is judged by statistics and
consistency: the fraction of kept units, and whether the masks it returns
in the cache explain its activations, so any correct way of drawing the
masks passes.
"""
import numpy as np

from ..checking import Registry

checks = Registry()

GRAD_KEYS = ('dZ3', 'dW3', 'db3', 'dA2', 'dZ2', 'dW2', 'db2', 'dA1', 'dZ1',
             'dW1', 'db1')


def _relu(z):
    return np.maximum(0, z)


def _sigmoid(z):
    return 1 / (1 + np.exp(-z))


def _problem(t, n_1=None, n_2=None, m=None):
    n_x = int(t.rng.integers(2, 5))
    n_1 = n_1 or int(t.rng.integers(5, 9))
    n_2 = n_2 or int(t.rng.integers(3, 5))
    m = m or int(t.rng.integers(7, 13))
    sizes = [n_x, n_1, n_2, 1]
    params = {}
    for l in (1, 2, 3):
        params[f'W{l}'] = t.rng.normal(0, 1, (sizes[l], sizes[l - 1])) \
            / np.sqrt(sizes[l - 1])
        params[f'b{l}'] = t.rng.normal(0, 0.2, (sizes[l], 1))
    X = t.rng.normal(0, 1, (n_x, m))
    Y = (t.rng.uniform(size=(1, m)) > 0.5).astype(float)
    return X, Y, params


def _forward(X, p):
    """Plain forward pass; the 12-tuple cache of the notebook."""
    Z1 = p['W1'] @ X + p['b1']
    A1 = _relu(Z1)
    Z2 = p['W2'] @ A1 + p['b2']
    A2 = _relu(Z2)
    Z3 = p['W3'] @ A2 + p['b3']
    A3 = _sigmoid(Z3)
    return A3, (Z1, A1, p['W1'], p['b1'], Z2, A2, p['W2'], p['b2'], Z3, A3,
                p['W3'], p['b3'])


def _shape(value):
    """np.shape, or None for a ragged sequence (not an array)."""
    try:
        return np.shape(value)
    except ValueError:
        return None


def _grad_case(t, args, tag, keys=GRAD_KEYS):
    grads = t.call(*args, label=f'{tag}: runs')
    want = t.ref(*args)
    t.type(f'{tag}: returns a dict', grads, dict)
    for key in keys:
        got = t.key(f'{tag}: has "{key}"', grads, key)
        shape, got_shape = np.shape(want[key]), _shape(got)
        t.check(f'{tag}: {key} shape', got_shape == shape,
                f'expected shape {shape}, got {got_shape} — a gradient '
                'has the shape of the value it belongs to: sum with '
                'keepdims=True for the db')
        t.close(f'{tag}: {key}', got, want[key],
                via=lambda f, k=key: f(*args)[k])


@checks('compute_cost_with_regularization')
def compute_cost_with_regularization(t):
    for lambd in (float(t.rng.uniform(0.2, 1.5)), 0.0):
        X, Y, params = _problem(t)
        A3 = t.rng.uniform(0.05, 0.95, size=Y.shape)
        args = (A3, Y, params, lambd)
        tag = f'm={Y.shape[1]}, lambd={lambd:.3g}'
        with t.case():
            cost = t.call(*args, label=f'{tag}: runs')
            t.check(f'{tag}: the cost is one number', np.size(cost) == 1,
                    f'got shape {np.shape(cost)} — sum over every entry')
            t.close(f'{tag}: cost', cost, t.ref(*args),
                    via=lambda f, a=args: f(*a))


@checks('backward_propagation_with_regularization')
def backward_propagation_with_regularization(t):
    for _ in range(2):
        X, Y, params = _problem(t)
        _, cache = _forward(X, params)
        lambd = float(t.rng.uniform(0.2, 1.5))
        with t.case():
            _grad_case(t, (X, Y, cache, lambd),
                       f'n_1={params["W1"].shape[0]}, m={X.shape[1]}')


def _dropout_statistics(t, keep_prob):
    """A large hidden layer: mask statistics and cache consistency."""
    X, _Y, p = _problem(t, n_1=int(t.rng.integers(250, 320)),
                        n_2=int(t.rng.integers(200, 260)),
                        m=int(t.rng.integers(40, 50)))
    tag = f'keep_prob={keep_prob:.3g}'
    with t.case():
        out = t.call(X, p, keep_prob, label=f'{tag}: runs')
        A3, cache = t.unpack(f'{tag}: returns (A3, cache)', out, 2)
        cache = t.unpack(f'{tag}: cache is the 14-tuple (Z1, D1, A1, W1, '
                         'b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)', cache, 14)
        m, n_1, n_2 = X.shape[1], p['W1'].shape[0], p['W2'].shape[0]
        t.type(f'{tag}: A3 is an array', A3, np.ndarray)
        t.shape(f'{tag}: A3 shape', A3, (1, m))
        t.shape(f'{tag}: D1 (cache[1]) shape', cache[1], (n_1, m),
                hint='D1 has the shape of A1')
        t.shape(f'{tag}: D2 (cache[6]) shape', cache[6], (n_2, m),
                hint='D2 has the shape of A2')
        D1, D2 = (np.asarray(cache[i], dtype=float) for i in (1, 6))
        Z1, A1, Z2, A2 = (np.asarray(cache[i], dtype=float)
                          for i in (0, 2, 5, 7))
        t.check(f'{tag}: masks hold only 0 and 1',
                np.all(np.isin(D1, (0, 1))) and np.all(np.isin(D2, (0, 1))),
                'other values — D = (np.random.rand(...) < keep_prob)')
        for name, D in (('D1', D1), ('D2', D2)):
            kept = float(np.mean(D))
            hint = ('keep a unit where rand < keep_prob, not >='
                    if abs(kept - (1 - keep_prob)) < 0.03 else
                    'draw uniform numbers with np.random.rand and keep the '
                    'units where they are below keep_prob')
            t.check(f'{tag}: {name} keeps about keep_prob of the units',
                    abs(kept - keep_prob) < 0.03,
                    f'it keeps {kept:.1%} — {hint}', weight=2)
        t.close(f'{tag}: Z1 = W1 X + b1', Z1, p['W1'] @ X + p['b1'])
        relu1, hint1 = _relu(Z1), _scaling_hint(A1, _relu(Z1), D1, keep_prob)
        t.close(f'{tag}: A1 = relu(Z1) * D1 / keep_prob', A1,
                relu1 * D1 / keep_prob, hint=hint1)
        t.close(f'{tag}: Z2 = W2 A1 + b2', Z2, p['W2'] @ A1 + p['b2'],
                hint='use the dropped-out A1')
        relu2 = _relu(Z2)
        t.close(f'{tag}: A2 = relu(Z2) * D2 / keep_prob', A2,
                relu2 * D2 / keep_prob,
                hint=_scaling_hint(A2, relu2, D2, keep_prob))
        t.close(f'{tag}: A3 = sigmoid(W3 A2 + b3)', A3,
                _sigmoid(p['W3'] @ A2 + p['b3']),
                hint='no dropout on the output layer')


def _scaling_hint(A, relu_Z, D, keep_prob):
    for wrong, hint in ((relu_Z * D, 'the kept units are not scaled: '
                         'divide by keep_prob (inverted dropout)'),
                        (relu_Z, 'the mask is not applied'),
                        (relu_Z * D * keep_prob, 'multiplied by keep_prob; '
                         'divide instead'),
                        (relu_Z * D / (1 - keep_prob), 'divided by '
                         '1 - keep_prob; divide by keep_prob')):
        if A.shape == wrong.shape and np.allclose(A, wrong):
            return hint
    return 'apply the mask, then divide by keep_prob'


@checks('forward_propagation_with_dropout')
def forward_propagation_with_dropout(t):
    for keep_prob in (float(t.rng.uniform(0.6, 0.7)),
                      float(t.rng.uniform(0.8, 0.9))):
        _dropout_statistics(t, keep_prob)
    X, _Y, p = _problem(t)
    with t.case():
        out = t.call(X, p, 1.0, label='keep_prob=1: runs')
        A3 = t.unpack('keep_prob=1: returns (A3, cache)', out, 2)[0]
        t.close('keep_prob=1: A3 equals the plain forward pass', A3,
                _forward(X, p)[0], hint='with keep_prob = 1 nothing is '
                'dropped or rescaled')


def _dropout_cache(t, keep_prob, X, p):
    """A cache from our reference forward pass with dropout (seeded)."""
    from .. import grade
    ref = grade.reference('C2_W1A2').ns['forward_propagation_with_dropout']
    np.random.seed(int(t.rng.integers(0, 2**31)))
    return ref(X, p, keep_prob)[1]


@checks('backward_propagation_with_dropout')
def backward_propagation_with_dropout(t):
    for keep_prob in (float(t.rng.uniform(0.6, 0.9)), 1.0):
        X, Y, p = _problem(t, m=int(t.rng.integers(15, 25)))
        cache = _dropout_cache(t, keep_prob, X, p)
        tag = f'keep_prob={keep_prob:.3g}, m={X.shape[1]}'
        with t.case():
            _grad_case(t, (X, Y, cache, keep_prob), tag)
