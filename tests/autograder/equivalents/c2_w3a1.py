"""Correct C2_W3A1 solutions written differently from ours: each must
score full marks."""
import numpy as np
import tensorflow as tf

from autograder.checking import Mutants

equivalents = Mutants()


@equivalents('linear_function', 'operators @ and + on tf constants')
def linear_function():
    np.random.seed(2)
    X = tf.constant(np.random.randn(3, 1))
    W = tf.constant(np.random.randn(4, 3))
    b = tf.constant(np.random.randn(4, 1))
    return W @ X + b


@equivalents('linear_function', 'NumPy draws, tf.linalg.matmul, tf.math.add')
def linear_function():  # noqa: F811
    np.random.seed(2)
    x, w, b = (np.random.randn(3, 1), np.random.randn(4, 3),
               np.random.randn(4, 1))
    return tf.math.add(tf.linalg.matmul(tf.constant(w), tf.constant(x)),
                       tf.constant(b))


@equivalents('sigmoid', 'keras activation after tf.cast')
def sigmoid(z):
    return tf.keras.activations.sigmoid(tf.cast(z, tf.float32))


@equivalents('sigmoid', '1 / (1 + exp(-z)) written out')
def sigmoid(z):  # noqa: F811
    z = tf.cast(z, dtype=tf.float32)
    return 1.0 / (1.0 + tf.math.exp(-z))


@equivalents('one_hot_matrix', 'default axis, then flatten with reshape -1')
def one_hot_matrix(label, depth=6):
    return tf.reshape(tf.one_hot(label, depth), [-1])


@equivalents('one_hot_matrix', 'tf.squeeze after axis=0')
def one_hot_matrix(label, depth=6):  # noqa: F811
    return tf.squeeze(tf.one_hot(indices=label, depth=depth, axis=0))


@equivalents('initialize_parameters', 'a loop over the layers, one '
             'initializer per parameter, biases first')
def initialize_parameters():
    sizes = [12288, 25, 12, 6]
    parameters = {}
    for layer in range(1, 4):
        init = tf.keras.initializers.GlorotNormal(seed=1)
        parameters[f'b{layer}'] = tf.Variable(init((sizes[layer], 1)))
    for layer in range(1, 4):
        init = tf.keras.initializers.GlorotNormal(seed=1)
        parameters[f'W{layer}'] = tf.Variable(
            init((sizes[layer], sizes[layer - 1])), name=f'W{layer}')
    return parameters


@equivalents('initialize_parameters', 'the glorot_normal alias')
def initialize_parameters():  # noqa: F811
    init = tf.keras.initializers.glorot_normal(seed=1)
    shapes = {'W1': (25, 12288), 'b1': (25, 1), 'W2': (12, 25),
              'b2': (12, 1), 'W3': (6, 12), 'b3': (6, 1)}
    return {k: tf.Variable(init(shape=s)) for k, s in shapes.items()}


@equivalents('forward_propagation', 'a loop with @, + and tf.nn.relu')
def forward_propagation(X, parameters):
    A = X
    for layer in (1, 2, 3):
        Z = parameters[f'W{layer}'] @ A + parameters[f'b{layer}']
        A = tf.nn.relu(Z) if layer < 3 else Z
    return A


@equivalents('forward_propagation', 'tf.maximum(Z, 0) as the relu')
def forward_propagation(X, parameters):  # noqa: F811
    Z1 = tf.linalg.matmul(parameters['W1'], X) + parameters['b1']
    A1 = tf.maximum(Z1, 0.0)
    Z2 = tf.linalg.matmul(parameters['W2'], A1) + parameters['b2']
    A2 = tf.maximum(Z2, 0.0)
    return tf.linalg.matmul(parameters['W3'], A2) + parameters['b3']


@equivalents('compute_total_loss', 'tf.nn softmax cross-entropy on axis 0')
def compute_total_loss(logits, labels):
    return tf.reduce_sum(tf.nn.softmax_cross_entropy_with_logits(
        labels=labels, logits=logits, axis=0))


@equivalents('compute_total_loss', 'log-sum-exp written out')
def compute_total_loss(logits, labels):  # noqa: F811
    lse = tf.reduce_logsumexp(logits, axis=0)  # (m,)
    return tf.reduce_sum(lse - tf.reduce_sum(labels * logits, axis=0))
