"""Correct solutions written differently from ours: each must score full."""
import numpy as np

from autograder.checking import Mutants

equivalents = Mutants()
compute_cost = relu = sigmoid = None


@equivalents('compute_cost_with_regularization', 'a loop over the keys '
             'with squared Frobenius norms')
def compute_cost_with_regularization(A3, Y, parameters, lambd):
    m = Y.shape[1]
    squares = 0.0
    for key in ('W1', 'W2', 'W3'):
        squares += np.linalg.norm(parameters[key]) ** 2
    return compute_cost(A3, Y) + lambd * squares / (2 * m)


@equivalents('compute_cost_with_regularization', 'cross-entropy written '
             'out with np.dot, W * W')
def compute_cost_with_regularization(A3, Y, parameters, lambd):  # noqa
    m = Y.shape[1]
    logprobs = np.dot(Y, np.log(A3).T) + np.dot(1 - Y, np.log(1 - A3).T)
    cross_entropy = float(-logprobs[0, 0] / m)
    l2 = sum(float(np.sum(parameters[k] * parameters[k]))
             for k in ('W1', 'W2', 'W3'))
    return cross_entropy + (1 / m) * (lambd / 2) * l2


@equivalents('backward_propagation_with_regularization', 'full backward '
             'pass written out, np.dot, int mask')
def backward_propagation_with_regularization(X, Y, cache, lambd):
    m = X.shape[1]
    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache
    dZ3 = A3 - Y
    dW3 = 1. / m * np.dot(dZ3, A2.T) + (lambd / m) * W3
    db3 = 1. / m * np.sum(dZ3, axis=1, keepdims=True)
    dA2 = np.dot(W3.T, dZ3)
    dZ2 = np.multiply(dA2, np.int64(A2 > 0))
    dW2 = 1. / m * np.dot(dZ2, A1.T) + (lambd / m) * W2
    db2 = 1. / m * np.sum(dZ2, axis=1, keepdims=True)
    dA1 = np.dot(W2.T, dZ2)
    dZ1 = np.multiply(dA1, np.int64(A1 > 0))
    dW1 = 1. / m * np.dot(dZ1, X.T) + (lambd / m) * W1
    db1 = 1. / m * np.sum(dZ1, axis=1, keepdims=True)
    return {'dZ3': dZ3, 'dW3': dW3, 'db3': db3, 'dA2': dA2, 'dZ2': dZ2,
            'dW2': dW2, 'db2': db2, 'dA1': dA1, 'dZ1': dZ1, 'dW1': dW1,
            'db1': db1}


@equivalents('forward_propagation_with_dropout', 'integer masks from '
             'np.random.binomial, dropout before the ReLU')
def forward_propagation_with_dropout(X, parameters, keep_prob=0.5):
    W1, b1 = parameters['W1'], parameters['b1']
    W2, b2 = parameters['W2'], parameters['b2']
    W3, b3 = parameters['W3'], parameters['b3']
    Z1 = np.dot(W1, X) + b1
    D1 = np.random.binomial(1, keep_prob, size=Z1.shape)
    A1 = relu(Z1 * D1) / keep_prob
    Z2 = np.dot(W2, A1) + b2
    D2 = np.random.binomial(1, keep_prob, size=Z2.shape)
    A2 = relu(Z2 * D2) / keep_prob
    Z3 = np.dot(W3, A2) + b3
    A3 = sigmoid(Z3)
    return A3, (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)


@equivalents('forward_propagation_with_dropout', 'a Generator, float masks '
             'and np.multiply / np.divide')
def forward_propagation_with_dropout(X, parameters, keep_prob=0.5):  # noqa
    rng = np.random.default_rng()
    W1, b1 = parameters['W1'], parameters['b1']
    W2, b2 = parameters['W2'], parameters['b2']
    W3, b3 = parameters['W3'], parameters['b3']
    Z1 = W1 @ X + b1
    A1 = np.maximum(Z1, 0)
    D1 = (rng.random(A1.shape) < keep_prob).astype(float)
    A1 = np.divide(np.multiply(A1, D1), keep_prob)
    Z2 = W2 @ A1 + b2
    A2 = np.maximum(Z2, 0)
    D2 = (rng.random(A2.shape) < keep_prob).astype(float)
    A2 = np.divide(np.multiply(A2, D2), keep_prob)
    Z3 = W3 @ A2 + b3
    A3 = 1 / (1 + np.exp(-Z3))
    return A3, (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)


@equivalents('backward_propagation_with_dropout', 'np.dot, np.multiply '
             'and an int ReLU mask')
def backward_propagation_with_dropout(X, Y, cache, keep_prob):
    m = X.shape[1]
    (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3) = cache
    dZ3 = A3 - Y
    dW3 = 1. / m * np.dot(dZ3, A2.T)
    db3 = 1. / m * np.sum(dZ3, axis=1, keepdims=True)
    dA2 = np.multiply(np.dot(W3.T, dZ3), D2) / keep_prob
    dZ2 = np.multiply(dA2, np.int64(A2 > 0))
    dW2 = 1. / m * np.dot(dZ2, A1.T)
    db2 = 1. / m * np.sum(dZ2, axis=1, keepdims=True)
    dA1 = np.multiply(np.dot(W2.T, dZ2), D1) / keep_prob
    dZ1 = np.multiply(dA1, np.int64(A1 > 0))
    dW1 = 1. / m * np.dot(dZ1, X.T)
    db1 = 1. / m * np.sum(dZ1, axis=1, keepdims=True)
    return {'dZ3': dZ3, 'dW3': dW3, 'db3': db3, 'dA2': dA2, 'dZ2': dZ2,
            'dW2': dW2, 'db2': db2, 'dA1': dA1, 'dZ1': dZ1, 'dW1': dW1,
            'db1': db1}
