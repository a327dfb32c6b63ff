"""Correct solutions written differently from ours: each must score full."""
import copy

import numpy as np

from autograder.checking import Mutants

equivalents = Mutants()
linear_forward = linear_activation_forward = linear_backward = None
linear_activation_backward = sigmoid = relu = None
sigmoid_backward = relu_backward = None


@equivalents('initialize_parameters', 'np.random.normal with scale 0.01, '
             'built in a loop')
def initialize_parameters(n_x, n_h, n_y):
    parameters = {}
    for l, (rows, cols) in enumerate([(n_h, n_x), (n_y, n_h)], start=1):
        parameters['W' + str(l)] = np.random.normal(0.0, 0.01, (rows, cols))
        parameters['b' + str(l)] = np.zeros(shape=(rows, 1))
    return parameters


@equivalents('initialize_parameters_deep', 'while loop, zip over pairs')
def initialize_parameters_deep(layer_dims):
    parameters = {}
    pairs = list(zip(layer_dims[:-1], layer_dims[1:]))
    l = 0
    while l < len(pairs):
        n_prev, n = pairs[l]
        parameters['W%d' % (l + 1)] = 0.01 * np.random.randn(n, n_prev)
        parameters['b%d' % (l + 1)] = np.zeros((n, 1), dtype=float)
        l += 1
    return parameters


@equivalents('linear_forward', 'np.dot, cache built first')
def linear_forward(A, W, b):
    cache = (A, W, b)
    Z = np.dot(W, A) + b
    return Z, cache


@equivalents('linear_activation_forward', 'a dict of helper functions')
def linear_activation_forward(A_prev, W, b, activation):
    helpers = {'sigmoid': sigmoid, 'relu': relu}
    Z, linear_cache = linear_forward(A_prev, W, b)
    A, activation_cache = helpers[activation](Z)
    return A, (linear_cache, activation_cache)


@equivalents('L_model_forward', 'one loop, the activation chosen per layer')
def L_model_forward(X, parameters):
    n_layers = len(parameters) // 2
    A, caches = X, []
    for l in range(1, n_layers + 1):
        act = 'sigmoid' if l == n_layers else 'relu'
        A, cache = linear_activation_forward(A, parameters['W' + str(l)],
                                             parameters['b' + str(l)], act)
        caches.append(cache)
    return A, caches


@equivalents('compute_cost', 'np.dot and np.squeeze, as in the course')
def compute_cost(AL, Y):
    m = Y.shape[1]
    cost = -(np.dot(Y, np.log(AL).T) + np.dot(1 - Y, np.log(1 - AL).T)) / m
    return np.squeeze(cost)


@equivalents('compute_cost', 'np.mean of the losses, a Python float')
def compute_cost(AL, Y):  # noqa: F811
    return float(np.mean(-Y * np.log(AL) - (1 - Y) * np.log(1 - AL)))


@equivalents('linear_backward', 'np.dot and np.mean')
def linear_backward(dZ, cache):
    A_prev, W, _ = cache
    m = A_prev.shape[1]
    dW = 1.0 / m * np.dot(dZ, A_prev.T)
    db = np.mean(dZ, axis=1, keepdims=True)
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db


@equivalents('linear_activation_backward', 'derivatives written out')
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    if activation == 'relu':
        dZ = dA * (Z > 0)
    else:
        s = 1 / (1 + np.exp(-Z))
        dZ = dA * s * (1 - s)
    return linear_backward(dZ, linear_cache)


@equivalents('L_model_backward', 'the sigmoid layer via dZ = AL - Y')
def L_model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    linear_cache, _Z = caches[-1]
    dZ = AL - Y
    grads['dA' + str(L - 1)], grads['dW' + str(L)], grads['db' + str(L)] = \
        linear_backward(dZ, linear_cache)
    for l in reversed(range(1, L)):
        dA_prev, dW, db = linear_activation_backward(
            grads['dA' + str(l)], caches[l - 1], activation='relu')
        grads['dA' + str(l - 1)] = dA_prev
        grads['dW' + str(l)] = dW
        grads['db' + str(l)] = db
    return grads


@equivalents('update_parameters', 'copy.deepcopy and -= on the copy')
def update_parameters(params, grads, learning_rate):
    parameters = copy.deepcopy(params)
    for key in parameters:
        parameters[key] -= learning_rate * grads['d' + key]
    return parameters
