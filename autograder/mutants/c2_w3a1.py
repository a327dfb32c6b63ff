"""Realistic learner bugs for C2_W3A1; each must lose points.

Mutants run in the notebook's imports namespace (``np``, ``tf``) beside
the references for the other graded functions.
"""
import numpy as np
import tensorflow as tf

from ..checking import Mutants

mutants = Mutants()
linear_function = sigmoid = one_hot_matrix = None
initialize_parameters = forward_propagation = compute_total_loss = None


# ------------------------------------------------------------ linear_function
@mutants('linear_function', 'X, W and b drawn in another order: after '
         'np.random.seed(2) draw X first, then W, then b', public=True)
def linear_function():  # noqa: F811
    np.random.seed(2)
    W = tf.constant(np.random.randn(4, 3))
    X = tf.constant(np.random.randn(3, 1))
    b = tf.constant(np.random.randn(4, 1))
    return tf.add(tf.matmul(W, X), b)


@mutants('linear_function', 'the bias b is not added: Y = W X + b')
def linear_function():  # noqa: F811
    np.random.seed(2)
    X = tf.constant(np.random.randn(3, 1))
    W = tf.constant(np.random.randn(4, 3))
    b = tf.constant(np.random.randn(4, 1))  # noqa: F841
    return tf.matmul(W, X)


@mutants('linear_function', 'np.random.seed(2) is missing, so the numbers '
         'change from run to run')
def linear_function():  # noqa: F811
    X = tf.constant(np.random.randn(3, 1))
    W = tf.constant(np.random.randn(4, 3))
    b = tf.constant(np.random.randn(4, 1))
    return tf.add(tf.matmul(W, X), b)


@mutants('linear_function', 'computed in NumPy: wrap X, W and b in '
         'tf.constant and use tf.matmul / tf.add')
def linear_function():  # noqa: F811
    np.random.seed(2)
    X = np.random.randn(3, 1)
    W = np.random.randn(4, 3)
    b = np.random.randn(4, 1)
    return np.dot(W, X) + b


@mutants('linear_function', 'cast to float32: keep the float64 numbers of '
         'np.random.randn')
def linear_function():  # noqa: F811
    np.random.seed(2)
    X = tf.constant(np.random.randn(3, 1), dtype=tf.float32)
    W = tf.constant(np.random.randn(4, 3), dtype=tf.float32)
    b = tf.constant(np.random.randn(4, 1), dtype=tf.float32)
    return tf.add(tf.matmul(W, X), b)


# -------------------------------------------------------------------- sigmoid
@mutants('sigmoid', 'z is not cast: tf.math.sigmoid keeps the dtype it is '
         'given; start with tf.cast(z, tf.float32)', public=True)
def sigmoid(z):  # noqa: F811
    return tf.math.sigmoid(z)


@mutants('sigmoid', 'sign error: the sigmoid is 1 / (1 + e^-z)')
def sigmoid(z):  # noqa: F811
    z = tf.cast(z, tf.float32)
    return 1 / (1 + tf.exp(z))


@mutants('sigmoid', 'tanh instead of the sigmoid')
def sigmoid(z):  # noqa: F811
    return tf.math.tanh(tf.cast(z, tf.float32))


@mutants('sigmoid', 'returns a NumPy value (.numpy()): return the tensor')
def sigmoid(z):  # noqa: F811
    return tf.math.sigmoid(tf.cast(z, tf.float32)).numpy()


# ------------------------------------------------------------- one_hot_matrix
@mutants('one_hot_matrix', 'not reshaped: a list of one label gives shape '
         '(depth, 1); reshape to (depth,)', public=True)
def one_hot_matrix(label, depth=6):  # noqa: F811
    return tf.one_hot(label, depth, axis=0)


@mutants('one_hot_matrix', 'depth is hard-coded to 6: use the depth '
         'argument')
def one_hot_matrix(label, depth=6):  # noqa: F811
    return tf.reshape(tf.one_hot(label, 6, axis=0), (6,))


@mutants('one_hot_matrix', 'off by one: labels already count from 0, do '
         'not subtract 1')
def one_hot_matrix(label, depth=6):  # noqa: F811
    return tf.reshape(tf.one_hot(label - 1, depth, axis=0), (depth,))


@mutants('one_hot_matrix', 'integer one-hot values: keep tf.one_hot\'s '
         'float32 default')
def one_hot_matrix(label, depth=6):  # noqa: F811
    return tf.reshape(tf.one_hot(label, depth, axis=0, dtype=tf.int32),
                      (depth,))


# ------------------------------------------------------ initialize_parameters
@mutants('initialize_parameters', 'W has shape (units of the previous '
         'layer, units): it is (units, units of the previous layer)',
         public=True)
def initialize_parameters():  # noqa: F811
    init = tf.keras.initializers.GlorotNormal(seed=1)
    return {'W1': tf.Variable(init(shape=(12288, 25))),
            'b1': tf.Variable(init(shape=(25, 1))),
            'W2': tf.Variable(init(shape=(25, 12))),
            'b2': tf.Variable(init(shape=(12, 1))),
            'W3': tf.Variable(init(shape=(12, 6))),
            'b3': tf.Variable(init(shape=(6, 1)))}


@mutants('initialize_parameters', 'biases start at zero: the exercise '
         'draws them with the initializer too')
def initialize_parameters():  # noqa: F811
    init = tf.keras.initializers.GlorotNormal(seed=1)
    return {'W1': tf.Variable(init(shape=(25, 12288))),
            'b1': tf.Variable(tf.zeros((25, 1))),
            'W2': tf.Variable(init(shape=(12, 25))),
            'b2': tf.Variable(tf.zeros((12, 1))),
            'W3': tf.Variable(init(shape=(6, 12))),
            'b3': tf.Variable(tf.zeros((6, 1)))}


@mutants('initialize_parameters', 'weights multiplied by 0.01 (the course 1 '
         'habit): GlorotNormal already sets the scale')
def initialize_parameters():  # noqa: F811
    init = tf.keras.initializers.GlorotNormal(seed=1)
    return {'W1': tf.Variable(init(shape=(25, 12288)) * 0.01),
            'b1': tf.Variable(init(shape=(25, 1))),
            'W2': tf.Variable(init(shape=(12, 25)) * 0.01),
            'b2': tf.Variable(init(shape=(12, 1))),
            'W3': tf.Variable(init(shape=(6, 12)) * 0.01),
            'b3': tf.Variable(init(shape=(6, 1)))}


@mutants('initialize_parameters', 'GlorotUniform instead of GlorotNormal')
def initialize_parameters():  # noqa: F811
    init = tf.keras.initializers.GlorotUniform(seed=1)
    return {'W1': tf.Variable(init(shape=(25, 12288))),
            'b1': tf.Variable(init(shape=(25, 1))),
            'W2': tf.Variable(init(shape=(12, 25))),
            'b2': tf.Variable(init(shape=(12, 1))),
            'W3': tf.Variable(init(shape=(6, 12))),
            'b3': tf.Variable(init(shape=(6, 1)))}


@mutants('initialize_parameters', 'the initializer has no seed: '
         'GlorotNormal(seed=1) makes every run start from the same values')
def initialize_parameters():  # noqa: F811
    init = tf.keras.initializers.GlorotNormal()
    return {'W1': tf.Variable(init(shape=(25, 12288))),
            'b1': tf.Variable(init(shape=(25, 1))),
            'W2': tf.Variable(init(shape=(12, 25))),
            'b2': tf.Variable(init(shape=(12, 1))),
            'W3': tf.Variable(init(shape=(6, 12))),
            'b3': tf.Variable(init(shape=(6, 1)))}


# -------------------------------------------------------- forward_propagation
@mutants('forward_propagation', 'relu after the last layer: Z3 are the '
         'logits, leave them linear', public=True)
def forward_propagation(X, parameters):  # noqa: F811
    p = parameters
    A1 = tf.nn.relu(tf.matmul(p['W1'], X) + p['b1'])
    A2 = tf.nn.relu(tf.matmul(p['W2'], A1) + p['b2'])
    return tf.nn.relu(tf.matmul(p['W3'], A2) + p['b3'])


@mutants('forward_propagation', 'no relu: apply it to Z1 and Z2')
def forward_propagation(X, parameters):  # noqa: F811
    p = parameters
    Z1 = tf.matmul(p['W1'], X) + p['b1']
    Z2 = tf.matmul(p['W2'], Z1) + p['b2']
    return tf.matmul(p['W3'], Z2) + p['b3']


@mutants('forward_propagation', 'Z1 fed to layer 2: use A1 = relu(Z1)')
def forward_propagation(X, parameters):  # noqa: F811
    p = parameters
    Z1 = tf.matmul(p['W1'], X) + p['b1']
    A1 = tf.nn.relu(Z1)  # noqa: F841
    A2 = tf.nn.relu(tf.matmul(p['W2'], Z1) + p['b2'])
    return tf.matmul(p['W3'], A2) + p['b3']


@mutants('forward_propagation', 'sigmoid hidden units: the network uses '
         'relu')
def forward_propagation(X, parameters):  # noqa: F811
    p = parameters
    A1 = tf.math.sigmoid(tf.matmul(p['W1'], X) + p['b1'])
    A2 = tf.math.sigmoid(tf.matmul(p['W2'], A1) + p['b2'])
    return tf.matmul(p['W3'], A2) + p['b3']


@mutants('forward_propagation', 'b3 is not added in the last layer')
def forward_propagation(X, parameters):  # noqa: F811
    p = parameters
    A1 = tf.nn.relu(tf.matmul(p['W1'], X) + p['b1'])
    A2 = tf.nn.relu(tf.matmul(p['W2'], A1) + p['b2'])
    return tf.matmul(p['W3'], A2)


# --------------------------------------------------------- compute_total_loss
@mutants('compute_total_loss', 'the mean over the examples: return the sum '
         '(tf.reduce_sum); model() divides by m', public=True)
def compute_total_loss(logits, labels):  # noqa: F811
    return tf.reduce_mean(tf.keras.losses.categorical_crossentropy(
        tf.transpose(labels), tf.transpose(logits), from_logits=True))


@mutants('compute_total_loss', 'from_logits=True is missing: the inputs '
         'are logits, not probabilities')
def compute_total_loss(logits, labels):  # noqa: F811
    return tf.reduce_sum(tf.keras.losses.categorical_crossentropy(
        tf.transpose(labels), tf.transpose(logits)))


@mutants('compute_total_loss', 'not transposed: Keras wants one example '
         'per row, so pass tf.transpose(labels), tf.transpose(logits)')
def compute_total_loss(logits, labels):  # noqa: F811
    return tf.reduce_sum(tf.keras.losses.categorical_crossentropy(
        labels, logits, from_logits=True))


@mutants('compute_total_loss', 'labels and logits swapped: the true labels '
         'come first')
def compute_total_loss(logits, labels):  # noqa: F811
    return tf.reduce_sum(tf.keras.losses.categorical_crossentropy(
        tf.transpose(logits), tf.transpose(labels), from_logits=True))
