"""Public checks for C2_W3A1, Introduction to TensorFlow.

One function per graded function, named like it:
``checks.sigmoid(sigmoid)``, and one for the optional (not graded)
``gradient_step``. Each check runs type (a TensorFlow tensor or
variable, not a NumPy array), dtype, shape, a hand-computable input, a
fixed small input (expected numbers computed once with our reference) and
invariants, in that order, and stops at the first problem with a message
naming the likely cause. Shapes follow the course: one example per column,
so inputs are (n_x, m), logits and one-hot labels (classes, m).
"""
import math

import numpy as np
import tensorflow as tf

from ._base import check
from ._hints import call as _call, likely as _likely

LN3, LN6 = math.log(3.0), math.log(6.0)

# linear_function with np.random.seed(2): X (3, 1), W (4, 3), b (4, 1).
LINEAR_Y = [[0.61929294], [2.10135154], [-3.3737971], [-1.85381498]]
LINEAR_ORDER = [[-1.70210373], [1.60018171], [2.0177319], [-0.16648128]]

# A fixed small network: n_x = 4 inputs, layers 3 -> 2 -> 3, m = 2.
FWD_X = np.array([[0.5, -1.0], [1.5, 0.25], [-0.75, 2.0],
                  [1.0, -0.5]], dtype=np.float32)  # (4, 2)
FWD_PARAMS = {
    'W1': [[0.4, -0.3, 0.2, 0.1], [-0.5, 0.6, 0.1, -0.2],
           [0.3, 0.2, -0.4, 0.5]],                      # (3, 4)
    'b1': [[0.1], [-0.2], [0.05]],                      # (3, 1)
    'W2': [[0.7, -0.6, 0.2], [-0.3, 0.8, 0.5]],         # (2, 3)
    'b2': [[-0.1], [0.2]],                              # (2, 1)
    'W3': [[0.9, -0.4], [-0.2, 0.6], [0.5, 0.3]],       # (3, 2)
    'b3': [[0.05], [-0.05], [0.1]],                     # (3, 1)
}
FWD_Z3 = [[-0.2965, -0.27], [0.533, 0.43], [0.4245, 0.34]]
FWD_NO_RELU = [[-0.4465, -0.75875], [0.597, 0.223], [0.3725, -0.254]]
FWD_RELU_LAST = [[0.0, 0.0], [0.533, 0.43], [0.4245, 0.34]]

# compute_total_loss on 3 classes x 4 examples.
LOSS_LOGITS = np.array([[2.0, -1.0, 0.5, 0.0], [0.5, 1.5, -0.5, 1.0],
                        [-1.0, 0.0, 2.5, 0.3]], dtype=np.float32)  # (3, 4)
LOSS_LABELS = np.array([[1, 0, 0, 0], [0, 1, 0, 1], [0, 0, 1, 0]],
                       dtype=np.float32)  # (3, 4)
LOSS_TOTAL = 1.3004992310790933


def _variables(params):
    return {k: tf.Variable(np.asarray(v, dtype=np.float32))
            for k, v in params.items()}


def _tensor(c, value, what, hint):
    """Fail unless `value` is a TensorFlow tensor (an EagerTensor)."""
    c.true(tf.is_tensor(value) and not isinstance(value, tf.Variable),
           f'{what} should be a TensorFlow tensor, got '
           f'{type(value).__name__} — {hint}.')


def _dtype(c, value, dtype, what, hint):
    c.true(value.dtype == dtype, f'{what} should have dtype {dtype.name}, '
           f'got {value.dtype.name} — {hint}.')


def linear_function(linear_function):
    """Check Y = W X + b with X, W, b drawn after np.random.seed(2)."""
    with check('linear_function') as c:
        Y = c.call(linear_function)
        _tensor(c, Y, 'Y', 'build X, W and b with tf.constant and combine '
                'them with tf.matmul and tf.add')
        c.shape(Y, (4, 1), 'Y', 'W (4, 3) times X (3, 1) is (4, 1): use '
                'tf.matmul(W, X), not tf.multiply or tf.matmul(X, W)')
        _dtype(c, Y, tf.float64, 'Y', 'np.random.randn gives float64 '
               'numbers; keep them (no cast)')
        c.close(Y, LINEAR_Y, 'Y', _likely(Y, [
            (LINEAR_ORDER, 'draw X first, then W, then b, right after '
             'np.random.seed(2)'),
        ], 'call np.random.seed(2) first, then draw X (3, 1), W (4, 3) and '
           'b (4, 1) with np.random.randn in that order; Y = W X + b'))
        c.close(c.call(linear_function), Y, 'a second call',
                'seed NumPy inside the function so every call gives the '
                'same Y')


def sigmoid(sigmoid):
    """Check that sigmoid casts to float32 and applies tf's sigmoid."""
    with check('sigmoid') as c:
        a = c.call(sigmoid, 0.0)
        _tensor(c, a, 'sigmoid(0.0)', 'use tf.math.sigmoid or '
                'tf.keras.activations.sigmoid')
        _dtype(c, a, tf.float32, 'sigmoid(0.0)', 'cast z first with '
               'tf.cast(z, tf.float32)')
        c.close(a, 0.5, 'sigmoid(0.0)')
        z = tf.constant([[0.0, LN3], [-LN3, 2.0]], dtype=tf.float64)
        a = _call(c, sigmoid, z, hint='cast z with tf.cast(z, tf.float32)')
        _tensor(c, a, 'sigmoid(float64 tensor)', 'return a tensor')
        c.shape(a, (2, 2), 'sigmoid of a (2, 2) tensor', 'the output has '
                'the shape of the input')
        _dtype(c, a, tf.float32, 'sigmoid of a float64 tensor',
               'cast z first with tf.cast(z, tf.float32): '
               'tf.math.sigmoid keeps the dtype it is given')
        want = [[0.5, 0.75], [0.25, 0.880797]]
        c.close(a, want, 'sigmoid([[0, ln 3], [-ln 3, 2]])', _likely(a, [
            ([[0.5, 0.25], [0.75, 0.119203]], 'the exponent has the wrong '
             'sign; use tf.math.sigmoid(z) = 1 / (1 + e^-z)'),
            (np.tanh(np.array([[0.0, LN3], [-LN3, 2.0]])),
             'that is tanh, not the sigmoid'),
        ]), rtol=1e-5)
        a = c.call(sigmoid, 12)
        _dtype(c, a, tf.float32, 'sigmoid(12) (an int)', 'cast z to '
               'float32 before applying the sigmoid')
        c.close(a, 0.99999386, 'sigmoid(12)', rtol=1e-5)


def one_hot_matrix(one_hot_matrix):
    """Check the one-hot column of one label, shape (depth,)."""
    with check('one_hot_matrix') as c:
        out = c.call(one_hot_matrix, 3, 5)
        _tensor(c, out, 'one_hot_matrix(3, 5)', 'use tf.one_hot')
        c.shape(out, (5,), 'one_hot_matrix(3, depth=5)', 'reshape the '
                'result to (depth,) with tf.reshape')
        _dtype(c, out, tf.float32, 'one_hot_matrix(3, 5)', 'tf.one_hot '
               'gives float32 by default')
        c.close(out, [0, 0, 0, 1, 0], 'one_hot_matrix(3, depth=5)', _likely(
            out, [([0, 0, 1, 0, 0], 'labels count from 0: label 3 puts '
                   'the 1 at index 3')], 'use tf.one_hot(label, depth, '
            'axis=0)'))
        out = c.call(one_hot_matrix, tf.constant(2, dtype=tf.int64))
        c.shape(out, (6,), 'one_hot_matrix(label) with the default depth',
                'use the depth argument (default 6)')
        c.close(out, [0, 0, 1, 0, 0, 0], 'one_hot_matrix(tf.constant(2))')
        out = _call(c, one_hot_matrix, [1], 4, hint='reshape to (depth,)')
        c.shape(out, (4,), 'one_hot_matrix([1], depth=4)', 'a list of '
                'one label gives shape (depth, 1) with axis=0: reshape '
                'the result to (depth,) with tf.reshape(..., (depth,))')
        c.close(out, [0, 1, 0, 0], 'one_hot_matrix([1], depth=4)')


def initialize_parameters(initialize_parameters):
    """Check names, shapes, dtypes and the GlorotNormal scale."""
    shapes = {'W1': (25, 12288), 'b1': (25, 1), 'W2': (12, 25),
              'b2': (12, 1), 'W3': (6, 12), 'b3': (6, 1)}
    with check('initialize_parameters') as c:
        params = c.call(initialize_parameters)
        c.type(params, dict, 'the result')
        missing = sorted(set(shapes) - set(params))
        c.true(not missing, f'parameters is missing the keys {missing}.')
        for key, shape in shapes.items():
            p = params[key]
            c.true(isinstance(p, tf.Variable),
                   f'parameters["{key}"] should be a tf.Variable, got '
                   f'{type(p).__name__} — wrap it: tf.Variable('
                   'initializer(shape=...)), so training can change it.')
            c.shape(p, shape, f'parameters["{key}"]', 'a layer with n '
                    'units fed by n_prev units has W (n, n_prev), b (n, 1)')
            _dtype(c, p, tf.float32, f'parameters["{key}"]', 'the '
                   'initializer gives float32')
        for key, (rows, cols) in shapes.items():
            v = params[key].numpy()
            sd = math.sqrt(2.0 / (rows + cols))   # GlorotNormal's std
            bound = 2.0 * sd / 0.87962566         # its truncation bound
            c.true(np.all(np.abs(v) <= bound * 1.0001) and np.any(v),
                   f'parameters["{key}"] does not look like GlorotNormal '
                   f'draws (all zero, or values beyond {bound:.3g}) — use '
                   'tf.keras.initializers.GlorotNormal(seed=1).')
        std = float(np.std(params['W1'].numpy()))
        want = math.sqrt(2.0 / (25 + 12288))
        c.true(abs(std / want - 1) < 0.05, f'the std of W1 is {std:.4g}, '
               f'GlorotNormal gives {want:.4g} — no extra scaling such as '
               '* 0.01.')
        w1 = params['W1'].numpy().astype(np.float64)
        kurt = float(np.mean((w1 - w1.mean()) ** 4) / np.var(w1) ** 2)
        c.true(2.25 < kurt < 2.5, f'W1 does not look like GlorotNormal '
               f'draws (kurtosis {kurt:.3g}, a normal cut at 2 standard '
               'deviations has 2.37, a uniform 1.8) — use GlorotNormal, '
               'not GlorotUniform.')
        again = c.call(initialize_parameters)
        c.true(np.array_equal(again['W1'].numpy(), params['W1'].numpy()),
               'a second call gives a different W1 — create the '
               'initializer with seed=1.')


def forward_propagation(forward_propagation):
    """Check LINEAR->RELU->LINEAR->RELU->LINEAR and that gradients flow."""
    with check('forward_propagation') as c:
        params = _variables(FWD_PARAMS)
        X = tf.constant(FWD_X)
        with tf.GradientTape() as tape:
            Z3 = c.call(forward_propagation, X, params)
            _tensor(c, Z3, 'Z3', 'use TensorFlow operations (tf.matmul, '
                    'tf.add, tf.keras.activations.relu)')
            c.shape(Z3, (3, 2), 'Z3 for 3 output units and 2 examples',
                    'Z3 = W3 A2 + b3 has one row per output unit and one '
                    'column per example')
            total = tf.reduce_sum(Z3)
        c.close(Z3, FWD_Z3, 'Z3 on a small network', _likely(Z3, [
            (FWD_RELU_LAST, 'no relu after the last layer: Z3 are the '
             'logits, the loss applies the softmax'),
            (FWD_NO_RELU, 'apply relu to Z1 and Z2 (A1 = relu(Z1), '
             'A2 = relu(Z2)) and feed A1, A2 to the next layer'),
        ], 'Z1 = W1 X + b1, A1 = relu(Z1), Z2 = W2 A1 + b2, '
           'A2 = relu(Z2), Z3 = W3 A2 + b3'), rtol=1e-5)
        grads = tape.gradient(total, list(params.values()))
        c.true(all(g is not None for g in grads), 'no gradient reaches '
               'some parameters — compute with TensorFlow operations on '
               'the parameters themselves, not on NumPy copies.')


def compute_total_loss(compute_total_loss):
    """Check the summed softmax cross-entropy on transposed inputs."""
    with check('compute_total_loss') as c:
        logits = tf.zeros((6, 4))
        labels = tf.one_hot([0, 3, 5, 1], 6, axis=0)  # (6, 4)
        loss = c.call(compute_total_loss, logits, labels)
        _tensor(c, loss, 'the loss', 'use tf.reduce_sum on '
                'tf.keras.losses.categorical_crossentropy')
        c.shape(loss, (), 'the total loss', 'sum the per-example losses '
                'into one number with tf.reduce_sum')
        c.close(loss, 4 * LN6, 'the loss of all-zero logits on 4 examples '
                '(each costs ln 6)', _likely(loss, [
                    (LN6, 'sum over the examples (tf.reduce_sum), do not '
                     'average: model() divides by m later'),
                ], 'categorical_crossentropy(tf.transpose(labels), '
                   'tf.transpose(logits), from_logits=True)'), rtol=1e-5)
        loss = c.call(compute_total_loss, tf.constant(LOSS_LOGITS),
                      tf.constant(LOSS_LABELS))
        c.close(loss, LOSS_TOTAL, 'the loss on 3 classes and 4 examples',
                'pass the labels first, transpose both so that examples '
                'are rows, and set from_logits=True', rtol=1e-5)


def gradient_step(gradient_step):
    """Check the optional exercise: w changes in place and comes back."""
    with check('gradient_step', optional=True) as c:
        start = np.array([1.0, -2.0, 0.5], dtype=np.float32)
        w = tf.Variable(start)
        dw = tf.constant([0.5, 0.5, -1.0])
        out = c.call(gradient_step, w, dw, 0.1)
        now = w.numpy()
        changed = not np.array_equal(now, start)
        if out is not w:
            got = type(out).__name__
            if out is None:
                c.fail('returned None — after updating w, end with '
                       '`return w`.')
            if isinstance(out, tf.Variable):
                c.fail(f'returned another tf.Variable ({got}), not w '
                       'itself — ' + (
                           'the value of w.assign_sub(...) is a separate '
                           'handle on the variable: end with `return w`.'
                           if changed else 'tf.Variable(...) makes a new '
                           'variable and leaves the caller\'s w as it was: '
                           'change w with w.assign_sub(learning_rate * dw) '
                           'and return w.'))
            if tf.is_tensor(out) or isinstance(out, np.ndarray):
                c.fail(f'returned a new {got}, not the variable w' + (
                    ' — w did change: end with `return w`.' if changed
                    else ', and w itself is unchanged — likely cause: '
                    '`w - learning_rate * dw` computes a new tensor and '
                    'never touches w; update w in place with '
                    'w.assign_sub(learning_rate * dw), then return w.'))
            c.fail(f'returned {got}, expected the variable w itself.')
        c.close(now, [0.95, -2.05, 0.6], 'w after one step with '
                'learning_rate 0.1', _likely(now, [
                    ([1.05, -1.95, 0.4], 'the step goes uphill: subtract '
                     'learning_rate * dw (assign_sub), do not add it'),
                    ([0.5, -2.5, 1.5], 'dw is not multiplied by '
                     'learning_rate'),
                    (start, 'w did not change: use w.assign_sub'),
                    ([0.05, 0.05, -0.1], 'w was replaced by the step '
                     'itself: w.assign(learning_rate * dw) forgets w\'s old '
                     'value; use w.assign_sub'),
                ], 'w <- w - learning_rate * dw'), rtol=1e-6)
        scalar = tf.Variable(2.0)
        for want in (1.0, 0.0):   # two steps in a row add up
            out = c.call(gradient_step, scalar, tf.constant(4.0), 0.25)
            c.true(out is scalar, 'a second variable did not come back '
                   'itself — return w.')
            c.close(scalar.numpy(), want, 'a scalar variable w = 2 after '
                    f'{int(2 - want)} step(s) of 0.25 * 4', 'each call '
                    'subtracts learning_rate * dw from the current w')
