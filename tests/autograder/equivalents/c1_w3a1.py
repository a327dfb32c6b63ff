"""Correct solutions written differently from ours: each must score full."""
import copy

import numpy as np

from autograder.checking import Mutants

equivalents = Mutants()
sigmoid = None  # provided by the notebook's imports when graded


@equivalents('layer_sizes', 'tuple unpacking of the shapes')
def layer_sizes(X, Y):
    n_x, _ = X.shape
    n_y, _ = np.shape(Y)
    return n_x, 4, n_y


@equivalents('initialize_parameters', 'np.random.normal, W2 drawn first')
def initialize_parameters(n_x, n_h, n_y):
    W2 = np.random.normal(0.0, 0.01, size=(n_y, n_h))
    W1 = np.random.normal(0.0, 0.01, size=(n_h, n_x))
    return {'W1': W1, 'b1': np.zeros(shape=(n_h, 1)), 'W2': W2,
            'b2': np.zeros_like(W2[:, :1])}


@equivalents('initialize_parameters', 'transposed draw')
def initialize_parameters(n_x, n_h, n_y):  # noqa: F811
    parameters = {}
    parameters['W1'] = np.random.randn(n_x, n_h).T * 0.01
    parameters['b1'] = np.zeros((n_h, 1))
    parameters['W2'] = 0.01 * np.random.standard_normal((n_y, n_h))
    parameters['b2'] = np.zeros((n_y, 1))
    return parameters


@equivalents('forward_propagation', 'np.dot and tanh through the sigmoid')
def forward_propagation(X, parameters):
    Z1 = np.dot(parameters['W1'], X) + parameters['b1']
    A1 = 2 * sigmoid(2 * Z1) - 1
    Z2 = np.dot(parameters['W2'], A1) + parameters['b2']
    A2 = 1 / (1 + np.exp(-Z2))
    cache = dict(Z1=Z1, A1=A1, Z2=Z2, A2=A2)
    return A2, cache


@equivalents('compute_cost', 'np.dot, squeezed to a float')
def compute_cost(A2, Y):
    m = Y.shape[1]
    cost = -(np.dot(Y, np.log(A2).T) + np.dot(1 - Y, np.log(1 - A2).T)) / m
    return float(np.squeeze(cost))


@equivalents('compute_cost', 'np.mean of np.multiply, a NumPy float')
def compute_cost(A2, Y):  # noqa: F811
    logprobs = np.multiply(np.log(A2), Y) + np.multiply(np.log(1 - A2),
                                                         1 - Y)
    return -np.mean(logprobs)


@equivalents('compute_cost', 'a loop over the examples')
def compute_cost(A2, Y):  # noqa: F811
    total = 0.0
    for a, y in zip(A2.ravel(), Y.ravel()):
        total += -np.log(a) if y == 1 else -np.log(1 - a)
    return total / Y.shape[1]


@equivalents('backward_propagation', '1 - tanh(Z1)**2 and np.mean')
def backward_propagation(parameters, cache, X, Y):
    dZ2 = cache['A2'] - Y
    dW2 = np.dot(dZ2, cache['A1'].T) / X.shape[1]
    db2 = np.mean(dZ2, axis=1, keepdims=True)
    dZ1 = np.multiply(np.dot(parameters['W2'].T, dZ2),
                      1 - np.power(np.tanh(cache['Z1']), 2))
    dW1 = np.dot(dZ1, X.T) / X.shape[1]
    db1 = np.mean(dZ1, axis=1).reshape(-1, 1)
    return {'dW1': dW1, 'db1': db1, 'dW2': dW2, 'db2': db2}


@equivalents('backward_propagation', 'a loop over the examples')
def backward_propagation(parameters, cache, X, Y):  # noqa: F811
    m = X.shape[1]
    W2 = parameters['W2']
    grads = {'dW1': np.zeros_like(parameters['W1']),
             'db1': np.zeros_like(parameters['b1']),
             'dW2': np.zeros_like(W2), 'db2': np.zeros_like(parameters['b2'])}
    for i in range(m):
        x, a1 = X[:, i:i + 1], cache['A1'][:, i:i + 1]
        dz2 = cache['A2'][:, i:i + 1] - Y[:, i:i + 1]
        dz1 = (W2.T @ dz2) * (1 - a1 * a1)
        grads['dW2'] += dz2 @ a1.T / m
        grads['db2'] += dz2 / m
        grads['dW1'] += dz1 @ x.T / m
        grads['db1'] += dz1 / m
    return grads


@equivalents('update_parameters', 'deep copy, then in-place updates')
def update_parameters(parameters, grads, learning_rate=1.2):
    parameters = copy.deepcopy(parameters)
    for name in ('W1', 'b1', 'W2', 'b2'):
        parameters[name] -= learning_rate * grads['d' + name]
    return parameters


@equivalents('nn_model', 'sizes from the shapes, a while loop, explicit '
             'learning rate')
def nn_model(X, Y, n_h, num_iterations=10000, print_cost=False):
    parameters = initialize_parameters(X.shape[0], n_h, Y.shape[0])
    i = 0
    while i < num_iterations:
        A2, cache = forward_propagation(X, parameters)
        cost = compute_cost(A2, Y)
        grads = backward_propagation(parameters, cache, X, Y)
        parameters = update_parameters(parameters, grads, learning_rate=1.2)
        if print_cost and i % 1000 == 0:
            print('Cost after iteration %i: %f' % (i, cost))
        i += 1
    return parameters


@equivalents('predict', 'np.round of the probabilities')
def predict(parameters, X):
    A2, _ = forward_propagation(X, parameters)
    return np.round(A2)


@equivalents('predict', 'np.where with integer labels')
def predict(parameters, X):  # noqa: F811
    A2 = forward_propagation(X, parameters)[0]
    return np.where(A2 > 0.5, 1, 0)
