"""Realistic learner bugs for C1_W3A1; each must lose points.

Mutants may call the notebook's other graded functions and the provided
``sigmoid``: they run beside the references for those.
"""
import numpy as np

from ..checking import Mutants

mutants = Mutants()
sigmoid = layer_sizes = initialize_parameters = forward_propagation = None
compute_cost = backward_propagation = update_parameters = None
nn_model = predict = None


# ---------------------------------------------------------------- layer_sizes
@mutants('layer_sizes', 'n_x is X.shape[0] (rows); X.shape[1] is the number '
         'of examples', public=True)
def layer_sizes(X, Y):  # noqa: F811
    return (X.shape[1], 4, Y.shape[0])


@mutants('layer_sizes', 'n_y is Y.shape[0] (rows), not Y.shape[1]')
def layer_sizes(X, Y):  # noqa: F811
    return (X.shape[0], 4, Y.shape[1])


@mutants('layer_sizes', 'the sizes are typed in (2, 4, 1); read them from '
         'the shapes of X and Y')
def layer_sizes(X, Y):  # noqa: F811
    return (2, 4, 1)


@mutants('layer_sizes', 'returned (n_x, n_y, n_h): keep the order (n_x, '
         'n_h, n_y)')
def layer_sizes(X, Y):  # noqa: F811
    return (X.shape[0], Y.shape[0], 4)


# ------------------------------------------------------ initialize_parameters
@mutants('initialize_parameters', 'W1 has shape (n_x, n_h); it should be '
         '(n_h, n_x) so that W1 @ X works', public=True)
def initialize_parameters(n_x, n_h, n_y):  # noqa: F811
    return {'W1': np.random.randn(n_x, n_h) * 0.01, 'b1': np.zeros((n_h, 1)),
            'W2': np.random.randn(n_h, n_y) * 0.01, 'b2': np.zeros((n_y, 1))}


@mutants('initialize_parameters', 'the weights are not scaled: multiply '
         'np.random.randn(...) by 0.01')
def initialize_parameters(n_x, n_h, n_y):  # noqa: F811
    return {'W1': np.random.randn(n_h, n_x), 'b1': np.zeros((n_h, 1)),
            'W2': np.random.randn(n_y, n_h), 'b2': np.zeros((n_y, 1))}


@mutants('initialize_parameters', 'np.random.rand is uniform on [0, 1); '
         'use np.random.randn (normal, mean 0)')
def initialize_parameters(n_x, n_h, n_y):  # noqa: F811
    return {'W1': np.random.rand(n_h, n_x) * 0.01, 'b1': np.zeros((n_h, 1)),
            'W2': np.random.rand(n_y, n_h) * 0.01, 'b2': np.zeros((n_y, 1))}


@mutants('initialize_parameters', 'zero weights: every hidden unit stays '
         'the same (symmetry); use np.random.randn(...) * 0.01')
def initialize_parameters(n_x, n_h, n_y):  # noqa: F811
    return {'W1': np.zeros((n_h, n_x)), 'b1': np.zeros((n_h, 1)),
            'W2': np.zeros((n_y, n_h)), 'b2': np.zeros((n_y, 1))}


@mutants('initialize_parameters', 'random biases; they start at zero')
def initialize_parameters(n_x, n_h, n_y):  # noqa: F811
    return {'W1': np.random.randn(n_h, n_x) * 0.01,
            'b1': np.random.randn(n_h, 1) * 0.01,
            'W2': np.random.randn(n_y, n_h) * 0.01,
            'b2': np.random.randn(n_y, 1) * 0.01}


@mutants('initialize_parameters', 'np.random.seed is called inside; the '
         'caller seeds')
def initialize_parameters(n_x, n_h, n_y):  # noqa: F811
    np.random.seed(2)
    return {'W1': np.random.randn(n_h, n_x) * 0.01, 'b1': np.zeros((n_h, 1)),
            'W2': np.random.randn(n_y, n_h) * 0.01, 'b2': np.zeros((n_y, 1))}


# -------------------------------------------------------- forward_propagation
@mutants('forward_propagation', 'the hidden layer uses sigmoid; it should '
         'use A1 = np.tanh(Z1)', public=True)
def forward_propagation(X, parameters):  # noqa: F811
    Z1 = parameters['W1'] @ X + parameters['b1']
    A1 = sigmoid(Z1)
    Z2 = parameters['W2'] @ A1 + parameters['b2']
    A2 = sigmoid(Z2)
    return A2, {'Z1': Z1, 'A1': A1, 'Z2': Z2, 'A2': A2}


@mutants('forward_propagation', 'b1 is missing from Z1 = W1 @ X + b1')
def forward_propagation(X, parameters):  # noqa: F811
    Z1 = parameters['W1'] @ X
    A1 = np.tanh(Z1)
    Z2 = parameters['W2'] @ A1 + parameters['b2']
    A2 = sigmoid(Z2)
    return A2, {'Z1': Z1, 'A1': A1, 'Z2': Z2, 'A2': A2}


@mutants('forward_propagation', 'the output layer uses tanh; it should use '
         'A2 = sigmoid(Z2)')
def forward_propagation(X, parameters):  # noqa: F811
    Z1 = parameters['W1'] @ X + parameters['b1']
    A1 = np.tanh(Z1)
    Z2 = parameters['W2'] @ A1 + parameters['b2']
    A2 = np.tanh(Z2)
    return A2, {'Z1': Z1, 'A1': A1, 'Z2': Z2, 'A2': A2}


@mutants('forward_propagation', 'Z2 uses X instead of the hidden '
         'activations: Z2 = W2 @ A1 + b2')
def forward_propagation(X, parameters):  # noqa: F811
    Z1 = parameters['W1'] @ X + parameters['b1']
    A1 = np.tanh(Z1)
    Z2 = parameters['W2'] @ Z1 + parameters['b2']
    A2 = sigmoid(Z2)
    return A2, {'Z1': Z1, 'A1': A1, 'Z2': Z2, 'A2': A2}


@mutants('forward_propagation', 'the cache stores Z1 under "A1" and A1 '
         'under "Z1"')
def forward_propagation(X, parameters):  # noqa: F811
    Z1 = parameters['W1'] @ X + parameters['b1']
    A1 = np.tanh(Z1)
    Z2 = parameters['W2'] @ A1 + parameters['b2']
    A2 = sigmoid(Z2)
    return A2, {'Z1': A1, 'A1': Z1, 'Z2': Z2, 'A2': A2}


# --------------------------------------------------------------- compute_cost
@mutants('compute_cost', 'the minus sign in front of the sum is missing',
         public=True)
def compute_cost(A2, Y):  # noqa: F811
    m = Y.shape[1]
    return float(np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)) / m)


@mutants('compute_cost', 'the sum is not divided by m')
def compute_cost(A2, Y):  # noqa: F811
    return float(-np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)))


@mutants('compute_cost', 'the (1 - Y) log(1 - A2) term is missing')
def compute_cost(A2, Y):  # noqa: F811
    m = Y.shape[1]
    return float(-np.sum(Y * np.log(A2)) / m)


@mutants('compute_cost', 'np.dot gives a (1, 1) array; return a float')
def compute_cost(A2, Y):  # noqa: F811
    m = Y.shape[1]
    return -(np.dot(Y, np.log(A2).T) + np.dot(1 - Y, np.log(1 - A2).T)) / m


# ------------------------------------------------------- backward_propagation
@mutants('backward_propagation', 'the derivative of tanh is 1 - A1 ** 2 '
         '(squared), not 1 - A1', public=True)
def backward_propagation(parameters, cache, X, Y):  # noqa: F811
    m = X.shape[1]
    A1, A2 = cache['A1'], cache['A2']
    dZ2 = A2 - Y
    dZ1 = parameters['W2'].T @ dZ2 * (1 - A1)
    return {'dW1': dZ1 @ X.T / m,
            'db1': np.sum(dZ1, axis=1, keepdims=True) / m,
            'dW2': dZ2 @ A1.T / m,
            'db2': np.sum(dZ2, axis=1, keepdims=True) / m}


@mutants('backward_propagation', 'the gradients are not divided by m')
def backward_propagation(parameters, cache, X, Y):  # noqa: F811
    A1, A2 = cache['A1'], cache['A2']
    dZ2 = A2 - Y
    dZ1 = parameters['W2'].T @ dZ2 * (1 - A1 ** 2)
    return {'dW1': dZ1 @ X.T, 'db1': np.sum(dZ1, axis=1, keepdims=True),
            'dW2': dZ2 @ A1.T, 'db2': np.sum(dZ2, axis=1, keepdims=True)}


@mutants('backward_propagation', 'db1 and db2 lost their column shape: use '
         'np.sum(..., axis=1, keepdims=True)')
def backward_propagation(parameters, cache, X, Y):  # noqa: F811
    m = X.shape[1]
    A1, A2 = cache['A1'], cache['A2']
    dZ2 = A2 - Y
    dZ1 = parameters['W2'].T @ dZ2 * (1 - A1 ** 2)
    return {'dW1': dZ1 @ X.T / m, 'db1': np.sum(dZ1, axis=1) / m,
            'dW2': dZ2 @ A1.T / m, 'db2': np.sum(dZ2, axis=1) / m}


@mutants('backward_propagation', 'sign error: dZ2 = A2 - Y, not Y - A2')
def backward_propagation(parameters, cache, X, Y):  # noqa: F811
    m = X.shape[1]
    A1, A2 = cache['A1'], cache['A2']
    dZ2 = Y - A2
    dZ1 = parameters['W2'].T @ dZ2 * (1 - A1 ** 2)
    return {'dW1': dZ1 @ X.T / m,
            'db1': np.sum(dZ1, axis=1, keepdims=True) / m,
            'dW2': dZ2 @ A1.T / m,
            'db2': np.sum(dZ2, axis=1, keepdims=True) / m}


@mutants('backward_propagation', 'the biases summed over the wrong axis: '
         'sum over the examples, axis=1')
def backward_propagation(parameters, cache, X, Y):  # noqa: F811
    m = X.shape[1]
    A1, A2 = cache['A1'], cache['A2']
    dZ2 = A2 - Y
    dZ1 = parameters['W2'].T @ dZ2 * (1 - A1 ** 2)
    return {'dW1': dZ1 @ X.T / m,
            'db1': np.sum(dZ1, axis=0, keepdims=True) / m,
            'dW2': dZ2 @ A1.T / m,
            'db2': np.sum(dZ2, axis=0, keepdims=True) / m}


@mutants('backward_propagation', 'dW2 uses Z1 instead of A1: dW2 = dZ2 @ '
         'A1.T / m')
def backward_propagation(parameters, cache, X, Y):  # noqa: F811
    m = X.shape[1]
    A1, A2 = cache['A1'], cache['A2']
    dZ2 = A2 - Y
    dZ1 = parameters['W2'].T @ dZ2 * (1 - A1 ** 2)
    return {'dW1': dZ1 @ X.T / m,
            'db1': np.sum(dZ1, axis=1, keepdims=True) / m,
            'dW2': dZ2 @ cache['Z1'].T / m,
            'db2': np.sum(dZ2, axis=1, keepdims=True) / m}


# ---------------------------------------------------------- update_parameters
@mutants('update_parameters', 'the update has the wrong sign: subtract '
         'learning_rate * gradient', public=True)
def update_parameters(parameters, grads, learning_rate=1.2):  # noqa: F811
    return {k: parameters[k] + learning_rate * grads['d' + k]
            for k in ('W1', 'b1', 'W2', 'b2')}


@mutants('update_parameters', 'learning_rate is ignored (a fixed 1.2)')
def update_parameters(parameters, grads, learning_rate=1.2):  # noqa: F811
    return {k: parameters[k] - 1.2 * grads['d' + k]
            for k in ('W1', 'b1', 'W2', 'b2')}


@mutants('update_parameters', 'the biases are not updated')
def update_parameters(parameters, grads, learning_rate=1.2):  # noqa: F811
    return {'W1': parameters['W1'] - learning_rate * grads['dW1'],
            'b1': parameters['b1'],
            'W2': parameters['W2'] - learning_rate * grads['dW2'],
            'b2': parameters['b2']}


@mutants('update_parameters', 'changed the caller\'s arrays in place '
         '(-=) instead of building a new dict')
def update_parameters(parameters, grads, learning_rate=1.2):  # noqa: F811
    for k in ('W1', 'b1', 'W2', 'b2'):
        parameters[k] -= learning_rate * grads['d' + k]
    return parameters


@mutants('update_parameters', 'the default learning_rate should be 1.2')
def update_parameters(parameters, grads, learning_rate=0.01):  # noqa: F811
    return {k: parameters[k] - learning_rate * grads['d' + k]
            for k in ('W1', 'b1', 'W2', 'b2')}


# ------------------------------------------------------------------- nn_model
@mutants('nn_model', 'the hidden size came from layer_sizes (always 4); use '
         'the n_h argument', public=True)
def nn_model(X, Y, n_h, num_iterations=10000, print_cost=False):  # noqa
    n_x, n_h, n_y = layer_sizes(X, Y)
    parameters = initialize_parameters(n_x, n_h, n_y)
    for i in range(num_iterations):
        A2, cache = forward_propagation(X, parameters)
        grads = backward_propagation(parameters, cache, X, Y)
        parameters = update_parameters(parameters, grads)
    return parameters


@mutants('nn_model', 'np.random.seed is called inside nn_model; the caller '
         'seeds')
def nn_model(X, Y, n_h, num_iterations=10000, print_cost=False):  # noqa
    np.random.seed(3)
    n_x, _, n_y = layer_sizes(X, Y)
    parameters = initialize_parameters(n_x, n_h, n_y)
    for i in range(num_iterations):
        A2, cache = forward_propagation(X, parameters)
        grads = backward_propagation(parameters, cache, X, Y)
        parameters = update_parameters(parameters, grads)
    return parameters


@mutants('nn_model', 'the updated parameters are thrown away: write '
         'parameters = update_parameters(parameters, grads)')
def nn_model(X, Y, n_h, num_iterations=10000, print_cost=False):  # noqa
    n_x, _, n_y = layer_sizes(X, Y)
    parameters = initialize_parameters(n_x, n_h, n_y)
    for i in range(num_iterations):
        A2, cache = forward_propagation(X, parameters)
        grads = backward_propagation(parameters, cache, X, Y)
        update_parameters(parameters, grads)
    return parameters


@mutants('nn_model', 'one iteration too few: loop range(num_iterations)')
def nn_model(X, Y, n_h, num_iterations=10000, print_cost=False):  # noqa
    n_x, _, n_y = layer_sizes(X, Y)
    parameters = initialize_parameters(n_x, n_h, n_y)
    for i in range(1, num_iterations):
        A2, cache = forward_propagation(X, parameters)
        grads = backward_propagation(parameters, cache, X, Y)
        parameters = update_parameters(parameters, grads)
    return parameters


@mutants('nn_model', 'the parameters are initialised again inside the '
         'loop; initialise once, before it')
def nn_model(X, Y, n_h, num_iterations=10000, print_cost=False):  # noqa
    n_x, _, n_y = layer_sizes(X, Y)
    for i in range(num_iterations):
        parameters = initialize_parameters(n_x, n_h, n_y)
        A2, cache = forward_propagation(X, parameters)
        grads = backward_propagation(parameters, cache, X, Y)
        parameters = update_parameters(parameters, grads)
    return parameters


# -------------------------------------------------------------------- predict
@mutants('predict', 'returned probabilities; turn them into labels with '
         'A2 > 0.5', public=True)
def predict(parameters, X):  # noqa: F811
    A2, cache = forward_propagation(X, parameters)
    return A2


@mutants('predict', 'labels inverted: predict 1 where A2 > 0.5')
def predict(parameters, X):  # noqa: F811
    A2, cache = forward_propagation(X, parameters)
    return A2 < 0.5


@mutants('predict', 'thresholded Z2 at 0.5; threshold the probability '
         'A2 = sigmoid(Z2)')
def predict(parameters, X):  # noqa: F811
    A2, cache = forward_propagation(X, parameters)
    return cache['Z2'] > 0.5


@mutants('predict', 'returned a 1-D array; keep the shape (1, m)')
def predict(parameters, X):  # noqa: F811
    A2, cache = forward_propagation(X, parameters)
    return (A2 > 0.5).ravel()
