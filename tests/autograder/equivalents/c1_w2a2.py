"""Correct solutions written differently from ours: each must score full."""
import numpy as np

from autograder.checking import Mutants

equivalents = Mutants()


@equivalents('sigmoid', 'np.tanh identity')
def sigmoid(z):
    return 0.5 * (1 + np.tanh(np.asarray(z) / 2))


@equivalents('initialize_with_zeros', 'np.zeros_like on an empty column')
def initialize_with_zeros(dim):
    w = np.zeros(shape=(dim, 1), dtype=np.float64)
    b = float(0)
    return w, b


@equivalents('initialize_with_zeros', 'reshape a flat zero vector')
def initialize_with_zeros(dim):  # noqa: F811
    return np.zeros(dim).reshape(dim, 1), 0.0


@equivalents('propagate', 'np.dot and np.mean, other names')
def propagate(w, b, X, Y):
    n_examples = X.shape[1]
    probs = sigmoid(np.dot(w.T, X) + b)
    losses = Y * np.log(probs) + (1 - Y) * np.log(1 - probs)
    cost = -np.mean(losses)
    error = probs - Y
    grads = {'dw': np.dot(X, error.T) / n_examples, 'db': np.mean(error)}
    return grads, float(cost)


@equivalents('propagate', 'explicit loops over examples')
def propagate(w, b, X, Y):  # noqa: F811
    n, m = X.shape
    dw, db, cost = np.zeros((n, 1)), 0.0, 0.0
    for i in range(m):
        a = 1 / (1 + np.exp(-(float(w[:, 0] @ X[:, i]) + b)))
        y = Y[0, i]
        cost -= y * np.log(a) + (1 - y) * np.log(1 - a)
        dw[:, 0] += X[:, i] * (a - y)
        db += a - y
    return {'dw': dw / m, 'db': db / m}, cost / m


@equivalents('optimize', 'while loop, in-place updates on copies')
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009,
             print_cost=False):
    w = np.array(w, dtype=float, copy=True)
    costs, i = [], 0
    while i < num_iterations:
        grads, cost = propagate(w, b, X, Y)
        w -= learning_rate * grads['dw']
        b -= learning_rate * grads['db']
        if i % 100 == 0:
            costs.append(cost)
            if print_cost:
                print(f'cost after iteration {i}: {cost}')
        i += 1
    return {'w': w, 'b': b}, grads, costs


@equivalents('predict', 'np.where, integer labels')
def predict(w, b, X):
    A = sigmoid(w.T @ X + b)
    return np.where(A > 0.5, 1, 0)


@equivalents('predict', 'a loop that fills a zero row')
def predict(w, b, X):  # noqa: F811
    m = X.shape[1]
    Y_prediction = np.zeros((1, m))
    w = w.reshape(X.shape[0], 1)
    A = sigmoid(np.dot(w.T, X) + b)
    for i in range(A.shape[1]):
        Y_prediction[0, i] = 1.0 if A[0, i] > 0.5 else 0.0
    return Y_prediction


@equivalents('model', 'keyword arguments and a dict literal built late')
def model(X_train, Y_train, X_test, Y_test, num_iterations=2000,
          learning_rate=0.5, print_cost=False):
    w, b = initialize_with_zeros(dim=X_train.shape[0])
    params, _grads, costs = optimize(
        w, b, X_train, Y_train, num_iterations=num_iterations,
        learning_rate=learning_rate, print_cost=print_cost)
    d = dict(costs=costs, w=params['w'], b=params['b'])
    d['Y_prediction_test'] = predict(params['w'], params['b'], X_test)
    d['Y_prediction_train'] = predict(params['w'], params['b'], X_train)
    d.update(learning_rate=learning_rate, num_iterations=num_iterations)
    return d
