"""Hidden checks for C2_W3A1, Introduction to TensorFlow.

The graded functions return TensorFlow tensors or variables. The sandbox
sends results back as NumPy data (same dtype and shape) and names the type
of the returned object in ``t.last_type``; ``tensors=True`` hands array
arguments to the learner's function as ``tf.constant``s. Fixtures are fresh
NumPy draws from ``t.rng`` in float32; expected values come from our
reference on the same inputs, so any equivalent formula passes.
"""
import math

import numpy as np

from ..checking import Registry

checks = Registry()

TENSOR_TYPES = ('EagerTensor', 'Tensor')
RTOL, ATOL = 1e-5, 1e-6      # float32 arithmetic
SHAPES = {'W1': (25, 12288), 'b1': (25, 1), 'W2': (12, 25), 'b2': (12, 1),
          'W3': (6, 12), 'b3': (6, 1)}
GLOROT_CUT = 0.87962566      # std of a standard normal cut at +-2


def _is_tensor(t, tag, hint):
    t.check(f'{tag}: returns a TensorFlow tensor',
            t.last_type in TENSOR_TYPES,
            f'got {t.last_type or "nothing"} — {hint}')


def _dtype(t, tag, value, dtype, hint):
    got = getattr(value, 'dtype', type(value).__name__)
    t.check(f'{tag}: dtype {np.dtype(dtype).name}', got == dtype,
            f'got {got} — {hint}')


@checks('linear_function')
def linear_function(t):
    expected = t.ref()
    for tag, seed in (('first call', None),
                      ('after other random draws',
                       int(t.rng.integers(10, 10 ** 6)))):
        with t.case():
            Y = t.call(seed=seed, label=f'{tag}: linear_function() runs')
            _is_tensor(t, tag, 'make X, W and b with tf.constant and combine '
                       'them with tf.matmul and tf.add')
            t.shape(f'{tag}: Y shape', Y, (4, 1),
                    hint='tf.matmul(W, X) + b is (4, 1)',
                    via=lambda f: f())
            _dtype(t, tag, Y, np.float64, 'keep the float64 numbers that '
                   'np.random.randn gives (no cast)')
            t.close(f'{tag}: Y = W X + b', Y, expected, via=lambda f: f(),
                    hint='call np.random.seed(2) inside the function, then '
                    'draw X (3, 1), W (4, 3), b (4, 1) in that order')


@checks('sigmoid')
def sigmoid(t):
    rows, cols = int(t.rng.integers(2, 5)), int(t.rng.integers(2, 6))
    cases = (
        ('a Python float', float(t.rng.normal(0, 3)), False),
        (f'a float64 tensor ({rows}, {cols})',
         t.rng.normal(0, 3, size=(rows, cols)), True),
        ('an int64 tensor', t.rng.integers(-6, 7, size=(cols,)), True),
        ('a float32 NumPy array', t.rng.normal(0, 2, size=(rows,)).astype(
            np.float32), False),
    )
    for tag, z, tensors in cases:
        with t.case():
            a = t.call(z, tensors=tensors, label=f'sigmoid of {tag} runs')
            _is_tensor(t, tag, 'use tf.math.sigmoid (or '
                       'tf.keras.activations.sigmoid) on a tensor')
            t.shape(f'{tag}: shape', a, np.shape(z),
                    hint='the output has the shape of z')
            _dtype(t, tag, a, np.float32, 'cast z first with '
                   'tf.cast(z, tf.float32)')
            t.close(f'sigmoid of {tag}', a, t.ref(z), rtol=RTOL, atol=ATOL,
                    via=lambda f, z=z: f(z))


@checks('one_hot_matrix')
def one_hot_matrix(t):
    depth = int(t.rng.integers(3, 11))
    if depth == 6:
        depth = 9
    label = int(t.rng.integers(0, depth))
    cases = (
        (f'label {label}, depth {depth}', (label, depth), {}, False, depth),
        ('an int64 tensor label, default depth',
         (np.array(int(t.rng.integers(0, 6)), dtype=np.int64),), {}, True,
         6),
        (f'a list [{label}], depth {depth}', ([label],), {'depth': depth},
         False, depth),
    )
    for tag, args, kwargs, tensors, n in cases:
        with t.case():
            out = t.call(*args, tensors=tensors, label=f'{tag}: runs',
                         **kwargs)
            _is_tensor(t, tag, 'use tf.one_hot')
            t.shape(f'{tag}: shape', out, (n,),
                    hint='reshape to (depth,) with tf.reshape',
                    via=lambda f, a=args, k=kwargs: f(*a, **k))
            _dtype(t, tag, out, np.float32, 'tf.one_hot gives float32 by '
                   'default; do not ask for integers')
            t.close(f'{tag}: values', out, t.ref(*args, **kwargs),
                    via=lambda f, a=args, k=kwargs: f(*a, **k))


def _glorot(t, key, value):
    """Scale checks of one GlorotNormal draw of shape SHAPES[key]."""
    rows, cols = SHAPES[key]
    sd = math.sqrt(2.0 / (rows + cols))
    v = np.asarray(value, dtype=np.float64)
    bound = 2.0 * sd / GLOROT_CUT
    t.check(f'{key}: values drawn, within GlorotNormal\'s cut-off',
            np.any(v != 0) and np.all(np.abs(v) <= bound * 1.0001),
            'the values are all zero or exceed 2 standard deviations — '
            'use tf.keras.initializers.GlorotNormal(seed=1) for every '
            'parameter, biases included', weight=2)
    if v.size >= 250:
        ratio = float(np.std(v)) / sd
        t.check(f'{key}: standard deviation', abs(ratio - 1) < (
            0.03 if v.size > 10 ** 5 else 0.2),
            f'it is {ratio:.3g} × GlorotNormal\'s sqrt(2 / (n_in + n_out))'
            ' — no extra scaling', weight=2)
    if v.size > 10 ** 5:
        mean, std = float(np.mean(v)), float(np.std(v))
        kurt = float(np.mean((v - mean) ** 4)) / std ** 4
        t.check(f'{key}: mean near 0', abs(mean) < 0.02 * std,
                f'the mean is {mean:.3g}')
        t.check(f'{key}: shape of the distribution (truncated normal)',
                2.25 < kurt < 2.5, f'its kurtosis is {kurt:.3g}, a '
                'truncated normal has 2.37 (uniform 1.8, normal 3) — use '
                'GlorotNormal, not GlorotUniform or tf.random.normal',
                weight=2)


@checks('initialize_parameters')
def initialize_parameters(t):
    with t.case():
        params = t.call(label='initialize_parameters() runs')
        t.check('returns a dict', t.last_type == 'dict',
                f'got {t.last_type}')
        t.type('returns a dict', params, dict)
        for key, shape in SHAPES.items():
            with t.case():
                p = t.key(f'parameters has "{key}"', params, key)
                t.shape(f'{key} shape', p, shape,
                        hint='W of a layer is (units, units of the '
                        'previous layer), b is (units, 1)',
                        via=lambda f, k=key: f()[k])
                _dtype(t, key, p, np.float32, 'GlorotNormal draws float32 '
                       'numbers')
                _glorot(t, key, p)
        again = t.call(label='a second call runs')
        t.check('a second call gives the same parameters',
                isinstance(again, dict) and all(
                    k in again and np.array_equal(np.asarray(again[k]),
                                                  np.asarray(params[k]))
                    for k in SHAPES),
                'the values change from call to call — create the '
                'initializer with seed=1', weight=2)
        # a seeded Keras initializer is stateless: its numbers depend only
        # on the seed and the shape, whatever the order of the calls
        want = t.ref()
        t.check('the values are those of GlorotNormal(seed=1)',
                all(_same_values(params.get(k), want[k]) for k in SHAPES),
                'other numbers — draw every parameter with '
                'tf.keras.initializers.GlorotNormal(seed=1), as the '
                'exercise says', weight=2)


def _same_values(got, want):
    try:
        got = np.asarray(got, dtype=np.float64)
    except (TypeError, ValueError):
        return False
    return got.shape == np.shape(want) and np.allclose(got, want, rtol=RTOL,
                                                       atol=ATOL)


def _network(t, m):
    """Fresh small network: sizes, float32 parameters and a batch X."""
    n_x, n1, n2 = (int(t.rng.integers(5, 13)), int(t.rng.integers(4, 9)),
                   int(t.rng.integers(3, 7)))
    n3 = int(t.rng.integers(3, 8))
    sizes = (n_x, n1, n2, n3)
    params = {}
    for layer in (1, 2, 3):
        rows, cols = sizes[layer], sizes[layer - 1]
        params[f'W{layer}'] = t.rng.normal(0, 0.6, (rows, cols)).astype(
            np.float32)
        params[f'b{layer}'] = t.rng.normal(0, 0.3, (rows, 1)).astype(
            np.float32)
    X = t.rng.normal(0, 1, (n_x, m)).astype(np.float32)
    return X, params


@checks('forward_propagation')
def forward_propagation(t):
    for m in (int(t.rng.integers(2, 10)), int(t.rng.integers(10, 40)), 1):
        X, params = _network(t, m)
        n3 = params['W3'].shape[0]
        tag = f'n_x={X.shape[0]}, m={m}'
        with t.case():
            Z3 = t.call(X, params, tensors=True, label=f'{tag}: runs')
            t.shape(f'{tag}: Z3 shape', Z3, (n3, m),
                    hint='Z3 = W3 A2 + b3 has one row per output unit',
                    via=lambda f, a=(X, params): f(*a))
            _dtype(t, tag, Z3, np.float32, 'inputs and parameters are '
                   'float32; do not cast')
            t.close(f'{tag}: Z3', Z3, t.ref(X, params), rtol=RTOL,
                    atol=ATOL, via=lambda f, a=(X, params): f(*a))


@checks('compute_total_loss')
def compute_total_loss(t):
    for scale in (1.0, 4.0):
        C, m = int(t.rng.integers(3, 9)), int(t.rng.integers(2, 13))
        logits = (scale * t.rng.normal(0, 1, (C, m))).astype(np.float32)
        labels = np.eye(C, dtype=np.float32)[:, t.rng.integers(0, C, m)]
        tag = f'C={C}, m={m}'
        with t.case():
            loss = t.call(logits, labels, tensors=True, label=f'{tag}: runs')
            _is_tensor(t, tag, 'add up the losses with tf.reduce_sum')
            t.shape(f'{tag}: one number', loss, (),
                    hint='sum the per-example losses with tf.reduce_sum',
                    via=lambda f, a=(logits, labels): f(*a))
            _dtype(t, tag, loss, np.float32, 'the inputs are float32')
            t.close(f'{tag}: total loss', loss, t.ref(logits, labels),
                    rtol=RTOL, atol=ATOL,
                    via=lambda f, a=(logits, labels): f(*a))
