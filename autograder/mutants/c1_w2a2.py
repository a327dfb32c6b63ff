"""Realistic learner bugs for C1_W2A2; each must lose points.

Mutants may call the notebook's other graded functions (``sigmoid``,
``propagate`` ...): they run beside the references for those.
"""
import copy
import math

import numpy as np

from ..checking import Mutants

mutants = Mutants()
sigmoid = propagate = optimize = predict = initialize_with_zeros = None


@mutants('sigmoid', 'sign error: use np.exp(-z), not np.exp(z)', public=True)
def sigmoid(z):  # noqa: F811
    return 1 / (1 + np.exp(z))


@mutants('sigmoid', 'operator precedence: write 1 / (1 + np.exp(-z))')
def sigmoid(z):  # noqa: F811
    return 1 / 1 + np.exp(-z)


@mutants('sigmoid', 'math.exp only takes single numbers; use np.exp')
def sigmoid(z):  # noqa: F811
    return 1 / (1 + math.exp(-z))


@mutants('initialize_with_zeros', 'w is a 1-D array; use np.zeros((dim, 1))',
         public=True)
def initialize_with_zeros(dim):  # noqa: F811
    return np.zeros(dim), 0.0


@mutants('initialize_with_zeros', 'w is a row (1, dim); use a column '
         '(dim, 1)')
def initialize_with_zeros(dim):  # noqa: F811
    return np.zeros((1, dim)), 0.0


@mutants('initialize_with_zeros', 'b is the integer 0; write b = 0.0')
def initialize_with_zeros(dim):  # noqa: F811
    return np.zeros((dim, 1)), 0


@mutants('initialize_with_zeros', 'w starts random; it must start at zero')
def initialize_with_zeros(dim):  # noqa: F811
    return np.random.randn(dim, 1) * 0.01, 0.0


@mutants('initialize_with_zeros', 'w holds integers; np.zeros((dim, 1)) '
         'gives floats')
def initialize_with_zeros(dim):  # noqa: F811
    return np.zeros((dim, 1), dtype=int), 0.0


@mutants('propagate', 'dw is m times too large — did you forget to divide '
         'by m?', public=True)
def propagate(w, b, X, Y):  # noqa: F811
    m = X.shape[1]
    A = sigmoid(w.T @ X + b)
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    return {'dw': X @ (A - Y).T, 'db': np.sum(A - Y) / m}, cost


@mutants('propagate', 'db is m times too large — divide the sum by m (or '
         'take the mean)')
def propagate(w, b, X, Y):  # noqa: F811
    m = X.shape[1]
    A = sigmoid(w.T @ X + b)
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    return {'dw': X @ (A - Y).T / m, 'db': np.sum(A - Y)}, cost


@mutants('propagate', 'the cost has the wrong sign; cross-entropy is '
         '-(1/m) Σ [y log a + (1-y) log(1-a)]')
def propagate(w, b, X, Y):  # noqa: F811
    m = X.shape[1]
    A = sigmoid(w.T @ X + b)
    cost = np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    return {'dw': X @ (A - Y).T / m, 'db': np.sum(A - Y) / m}, cost


@mutants('propagate', 'the cost misses the (1 - y) log(1 - a) term')
def propagate(w, b, X, Y):  # noqa: F811
    m = X.shape[1]
    A = sigmoid(w.T @ X + b)
    cost = -np.sum(Y * np.log(A)) / m
    return {'dw': X @ (A - Y).T / m, 'db': np.sum(A - Y) / m}, cost


@mutants('propagate', 'forgot to add b in A = sigmoid(w^T X + b)')
def propagate(w, b, X, Y):  # noqa: F811
    m = X.shape[1]
    A = sigmoid(w.T @ X)
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    return {'dw': X @ (A - Y).T / m, 'db': np.sum(A - Y) / m}, cost


@mutants('propagate', 'used (Y - A) instead of (A - Y): the gradients have '
         'the wrong sign')
def propagate(w, b, X, Y):  # noqa: F811
    m = X.shape[1]
    A = sigmoid(w.T @ X + b)
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    return {'dw': X @ (Y - A).T / m, 'db': np.sum(Y - A) / m}, cost


@mutants('optimize', 'the update has the wrong sign: gradient descent '
         'subtracts learning_rate * gradient', public=True)
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009,
             print_cost=False):  # noqa: F811
    w, b, costs = copy.deepcopy(w), copy.deepcopy(b), []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        w = w + learning_rate * grads['dw']
        b = b + learning_rate * grads['db']
        if i % 100 == 0:
            costs.append(cost)
    return {'w': w, 'b': b}, grads, costs


@mutants('optimize', 'b is never updated')
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009,
             print_cost=False):  # noqa: F811
    w, costs = copy.deepcopy(w), []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        w = w - learning_rate * grads['dw']
        if i % 100 == 0:
            costs.append(cost)
    return {'w': w, 'b': b}, grads, costs


@mutants('optimize', 'recorded the cost at every iteration; keep one every '
         '100 iterations')
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009,
             print_cost=False):  # noqa: F811
    w, b, costs = copy.deepcopy(w), copy.deepcopy(b), []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        w = w - learning_rate * grads['dw']
        b = b - learning_rate * grads['db']
        costs.append(cost)
    return {'w': w, 'b': b}, grads, costs


@mutants('optimize', 'changed the caller\'s w in place (w -= ...) without '
         'copying it first')
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009,
             print_cost=False):  # noqa: F811
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        w -= learning_rate * grads['dw']
        b = b - learning_rate * grads['db']
        if i % 100 == 0:
            costs.append(cost)
    return {'w': w, 'b': b}, grads, costs


@mutants('optimize', 'ignored the learning_rate argument (a fixed step)')
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009,
             print_cost=False):  # noqa: F811
    w, b, costs = copy.deepcopy(w), copy.deepcopy(b), []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        w = w - 0.009 * grads['dw']
        b = b - 0.009 * grads['db']
        if i % 100 == 0:
            costs.append(cost)
    return {'w': w, 'b': b}, grads, costs


@mutants('predict', 'returned probabilities; convert them to 0/1 labels '
         'with A > 0.5', public=True)
def predict(w, b, X):  # noqa: F811
    return sigmoid(w.T @ X + b)


@mutants('predict', 'thresholded at 0 instead of 0.5')
def predict(w, b, X):  # noqa: F811
    return (sigmoid(w.T @ X + b) > 0).astype(float)


@mutants('predict', 'forgot to add b')
def predict(w, b, X):  # noqa: F811
    return (sigmoid(w.T @ X) > 0.5).astype(float)


@mutants('predict', 'returned a 1-D array; keep the shape (1, m)')
def predict(w, b, X):  # noqa: F811
    return (sigmoid(w.T @ X + b) > 0.5).astype(float).ravel()


@mutants('predict', 'labels inverted: predict 1 when A > 0.5')
def predict(w, b, X):  # noqa: F811
    return (sigmoid(w.T @ X + b) < 0.5).astype(float)


@mutants('model', 'trained on the test set; optimise on X_train, Y_train',
         public=True)
def model(X_train, Y_train, X_test, Y_test, num_iterations=2000,
          learning_rate=0.5, print_cost=False):  # noqa: F811
    w, b = initialize_with_zeros(X_train.shape[0])
    params, grads, costs = optimize(w, b, X_test, Y_test, num_iterations,
                                    learning_rate)
    w, b = params['w'], params['b']
    return {'costs': costs, 'Y_prediction_test': predict(w, b, X_test),
            'Y_prediction_train': predict(w, b, X_train), 'w': w, 'b': b,
            'learning_rate': learning_rate, 'num_iterations': num_iterations}


@mutants('model', 'did not pass num_iterations and learning_rate on to '
         'optimize, so its defaults were used')
def model(X_train, Y_train, X_test, Y_test, num_iterations=2000,
          learning_rate=0.5, print_cost=False):  # noqa: F811
    w, b = initialize_with_zeros(X_train.shape[0])
    params, grads, costs = optimize(w, b, X_train, Y_train)
    w, b = params['w'], params['b']
    return {'costs': costs, 'Y_prediction_test': predict(w, b, X_test),
            'Y_prediction_train': predict(w, b, X_train), 'w': w, 'b': b,
            'learning_rate': learning_rate, 'num_iterations': num_iterations}


@mutants('model', 'swapped the train and test predictions')
def model(X_train, Y_train, X_test, Y_test, num_iterations=2000,
          learning_rate=0.5, print_cost=False):  # noqa: F811
    w, b = initialize_with_zeros(X_train.shape[0])
    params, grads, costs = optimize(w, b, X_train, Y_train, num_iterations,
                                    learning_rate)
    w, b = params['w'], params['b']
    return {'costs': costs, 'Y_prediction_test': predict(w, b, X_train),
            'Y_prediction_train': predict(w, b, X_test), 'w': w, 'b': b,
            'learning_rate': learning_rate, 'num_iterations': num_iterations}


@mutants('model', 'sized w from the number of examples; use '
         'X_train.shape[0] (features)')
def model(X_train, Y_train, X_test, Y_test, num_iterations=2000,
          learning_rate=0.5, print_cost=False):  # noqa: F811
    w, b = initialize_with_zeros(X_train.shape[1])
    params, grads, costs = optimize(w, b, X_train, Y_train, num_iterations,
                                    learning_rate)
    w, b = params['w'], params['b']
    return {'costs': costs, 'Y_prediction_test': predict(w, b, X_test),
            'Y_prediction_train': predict(w, b, X_train), 'w': w, 'b': b,
            'learning_rate': learning_rate, 'num_iterations': num_iterations}
