"""Realistic learner bugs for C1_W4A1; each must lose points.

Mutants may call the notebook's other graded functions and the helpers of
the imports cell (sigmoid, relu, sigmoid_backward, relu_backward).
"""
import numpy as np

from ..checking import Mutants

mutants = Mutants()
linear_forward = linear_activation_forward = linear_backward = None
linear_activation_backward = sigmoid = relu = None
sigmoid_backward = relu_backward = None


# ------------------------------------------------------------ initialisation
@mutants('initialize_parameters', 'W1 is (n_x, n_h); W^[l] has shape '
         '(units of layer l, units of layer l-1)', public=True)
def initialize_parameters(n_x, n_h, n_y):
    return {'W1': np.random.randn(n_x, n_h) * 0.01, 'b1': np.zeros((n_h, 1)),
            'W2': np.random.randn(n_h, n_y) * 0.01, 'b2': np.zeros((n_y, 1))}


@mutants('initialize_parameters', 'the weights are not scaled by 0.01')
def initialize_parameters(n_x, n_h, n_y):  # noqa: F811
    return {'W1': np.random.randn(n_h, n_x), 'b1': np.zeros((n_h, 1)),
            'W2': np.random.randn(n_y, n_h), 'b2': np.zeros((n_y, 1))}


@mutants('initialize_parameters', 'np.random.rand (uniform on [0, 1)) '
         'instead of np.random.randn (normal around 0)')
def initialize_parameters(n_x, n_h, n_y):  # noqa: F811
    return {'W1': np.random.rand(n_h, n_x) * 0.01, 'b1': np.zeros((n_h, 1)),
            'W2': np.random.rand(n_y, n_h) * 0.01, 'b2': np.zeros((n_y, 1))}


@mutants('initialize_parameters', 'biases are 1-D; use np.zeros((n, 1))')
def initialize_parameters(n_x, n_h, n_y):  # noqa: F811
    return {'W1': np.random.randn(n_h, n_x) * 0.01, 'b1': np.zeros(n_h),
            'W2': np.random.randn(n_y, n_h) * 0.01, 'b2': np.zeros(n_y)}


@mutants('initialize_parameters_deep', 'the loop stops one layer early: '
         'use range(1, len(layer_dims))', public=True)
def initialize_parameters_deep(layer_dims):
    parameters = {}
    for l in range(1, len(layer_dims) - 1):
        parameters[f'W{l}'] = np.random.randn(layer_dims[l],
                                              layer_dims[l - 1]) * 0.01
        parameters[f'b{l}'] = np.zeros((layer_dims[l], 1))
    return parameters


@mutants('initialize_parameters_deep', 'W^[l] is transposed: its shape is '
         '(layer_dims[l], layer_dims[l-1])')
def initialize_parameters_deep(layer_dims):  # noqa: F811
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters[f'W{l}'] = np.random.randn(layer_dims[l - 1],
                                              layer_dims[l]) * 0.01
        parameters[f'b{l}'] = np.zeros((layer_dims[l], 1))
    return parameters


@mutants('initialize_parameters_deep', 'scaled by 1/sqrt(n_prev) as in the '
         'next assignment; this exercise uses * 0.01')
def initialize_parameters_deep(layer_dims):  # noqa: F811
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters[f'W{l}'] = (np.random.randn(layer_dims[l],
                                               layer_dims[l - 1])
                               / np.sqrt(layer_dims[l - 1]))
        parameters[f'b{l}'] = np.zeros((layer_dims[l], 1))
    return parameters


@mutants('initialize_parameters_deep', 'the weights are not scaled by 0.01')
def initialize_parameters_deep(layer_dims):  # noqa: F811
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters[f'W{l}'] = np.random.randn(layer_dims[l],
                                              layer_dims[l - 1])
        parameters[f'b{l}'] = np.zeros((layer_dims[l], 1))
    return parameters


# ------------------------------------------------------------------ forward
@mutants('linear_forward', 'b is missing: Z = W A + b', public=True)
def linear_forward(A, W, b):  # noqa: F811
    return W @ A, (A, W, b)


@mutants('linear_forward', 'the cache is in the wrong order; it is '
         '(A, W, b)')
def linear_forward(A, W, b):  # noqa: F811
    return W @ A + b, (W, A, b)


@mutants('linear_forward', 'the cache holds Z instead of A; it is '
         '(A, W, b) with the layer\'s input A')
def linear_forward(A, W, b):  # noqa: F811
    Z = W @ A + b
    return Z, (Z, W, b)


@mutants('linear_activation_forward', 'sigmoid and relu are swapped',
         public=True)
def linear_activation_forward(A_prev, W, b, activation):  # noqa: F811
    Z, linear_cache = linear_forward(A_prev, W, b)
    if activation == 'sigmoid':
        A, activation_cache = relu(Z)
    else:
        A, activation_cache = sigmoid(Z)
    return A, (linear_cache, activation_cache)


@mutants('linear_activation_forward', 'the cache is (activation_cache, '
         'linear_cache); it should be (linear_cache, activation_cache)')
def linear_activation_forward(A_prev, W, b, activation):  # noqa: F811
    Z, linear_cache = linear_forward(A_prev, W, b)
    A, activation_cache = (sigmoid(Z) if activation == 'sigmoid'
                           else relu(Z))
    return A, (activation_cache, linear_cache)


@mutants('linear_activation_forward', 'returned Z: the activation was not '
         'applied')
def linear_activation_forward(A_prev, W, b, activation):  # noqa: F811
    Z, linear_cache = linear_forward(A_prev, W, b)
    _A, activation_cache = (sigmoid(Z) if activation == 'sigmoid'
                            else relu(Z))
    return Z, (linear_cache, activation_cache)


@mutants('L_model_forward', 'the last layer must use sigmoid, not relu',
         public=True)
def L_model_forward(X, parameters):  # noqa: F811
    caches, A = [], X
    L = len(parameters) // 2
    for l in range(1, L + 1):
        A, cache = linear_activation_forward(
            A, parameters[f'W{l}'], parameters[f'b{l}'], 'relu')
        caches.append(cache)
    return A, caches


@mutants('L_model_forward', 'the hidden layers must use relu, not sigmoid')
def L_model_forward(X, parameters):  # noqa: F811
    caches, A = [], X
    L = len(parameters) // 2
    for l in range(1, L + 1):
        A, cache = linear_activation_forward(
            A, parameters[f'W{l}'], parameters[f'b{l}'], 'sigmoid')
        caches.append(cache)
    return A, caches


@mutants('L_model_forward', 'the cache of the last layer was not appended')
def L_model_forward(X, parameters):  # noqa: F811
    caches, A = [], X
    L = len(parameters) // 2
    for l in range(1, L):
        A, cache = linear_activation_forward(
            A, parameters[f'W{l}'], parameters[f'b{l}'], 'relu')
        caches.append(cache)
    AL, cache = linear_activation_forward(
        A, parameters[f'W{L}'], parameters[f'b{L}'], 'sigmoid')
    return AL, caches


@mutants('L_model_forward', 'L = len(parameters), not len(parameters) // 2 '
         '(the dict holds a W and a b per layer)')
def L_model_forward(X, parameters):  # noqa: F811
    caches, A = [], X
    L = len(parameters)
    for l in range(1, L // 2):
        A, cache = linear_activation_forward(
            A, parameters[f'W{l}'], parameters[f'b{l}'], 'relu')
        caches.append(cache)
    AL, cache = linear_activation_forward(
        A, parameters[f'W{L}'], parameters[f'b{L}'], 'sigmoid')
    caches.append(cache)
    return AL, caches


# --------------------------------------------------------------------- cost
@mutants('compute_cost', 'forgot to divide by m', public=True)
def compute_cost(AL, Y):  # noqa: F811
    return np.squeeze(-np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)))


@mutants('compute_cost', 'the cost has the wrong sign (missing minus)')
def compute_cost(AL, Y):  # noqa: F811
    m = Y.shape[1]
    return np.squeeze(np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m)


@mutants('compute_cost', 'the (1 - Y) log(1 - AL) term is missing')
def compute_cost(AL, Y):  # noqa: F811
    m = Y.shape[1]
    return np.squeeze(-np.sum(Y * np.log(AL)) / m)


@mutants('compute_cost', 'the cost is a (1, 1) array; np.squeeze it')
def compute_cost(AL, Y):  # noqa: F811
    m = Y.shape[1]
    return -(np.dot(Y, np.log(AL).T) + np.dot(1 - Y, np.log(1 - AL).T)) / m


# ----------------------------------------------------------------- backward
@mutants('linear_backward', 'db lost its column shape: use np.sum(dZ, '
         'axis=1, keepdims=True)', public=True)
def linear_backward(dZ, cache):  # noqa: F811
    A_prev, W, b = cache
    m = A_prev.shape[1]
    return W.T @ dZ, dZ @ A_prev.T / m, np.sum(dZ, axis=1) / m


@mutants('linear_backward', 'forgot the 1/m in dW')
def linear_backward(dZ, cache):  # noqa: F811
    A_prev, W, b = cache
    m = A_prev.shape[1]
    return (W.T @ dZ, dZ @ A_prev.T,
            np.sum(dZ, axis=1, keepdims=True) / m)


@mutants('linear_backward', 'dA_prev has no 1/m: it is W.T @ dZ')
def linear_backward(dZ, cache):  # noqa: F811
    A_prev, W, b = cache
    m = A_prev.shape[1]
    return (W.T @ dZ / m, dZ @ A_prev.T / m,
            np.sum(dZ, axis=1, keepdims=True) / m)


@mutants('linear_backward', 'db summed over the wrong axis (units instead '
         'of examples)')
def linear_backward(dZ, cache):  # noqa: F811
    A_prev, W, b = cache
    m = A_prev.shape[1]
    return (W.T @ dZ, dZ @ A_prev.T / m,
            np.sum(dZ, axis=0, keepdims=True) / m)


@mutants('linear_activation_backward', 'relu_backward and sigmoid_backward '
         'are swapped', public=True)
def linear_activation_backward(dA, cache, activation):  # noqa: F811
    linear_cache, activation_cache = cache
    if activation == 'relu':
        dZ = sigmoid_backward(dA, activation_cache)
    else:
        dZ = relu_backward(dA, activation_cache)
    return linear_backward(dZ, linear_cache)


@mutants('linear_activation_backward', 'the activation\'s derivative is '
         'missing: compute dZ with the backward helper first')
def linear_activation_backward(dA, cache, activation):  # noqa: F811
    linear_cache, activation_cache = cache
    return linear_backward(dA, linear_cache)


@mutants('linear_activation_backward', 'used relu (the forward function) '
         'on dA instead of relu_backward(dA, activation_cache)')
def linear_activation_backward(dA, cache, activation):  # noqa: F811
    linear_cache, activation_cache = cache
    if activation == 'relu':
        dZ, _ = relu(dA)
    else:
        dZ = sigmoid_backward(dA, activation_cache)
    return linear_backward(dZ, linear_cache)


@mutants('L_model_backward', 'dAL has the wrong sign: dAL = -(Y / AL - '
         '(1 - Y) / (1 - AL))', public=True)
def L_model_backward(AL, Y, caches):  # noqa: F811
    grads, L = {}, len(caches)
    Y = Y.reshape(AL.shape)
    dA = Y / AL - (1 - Y) / (1 - AL)
    dA, grads[f'dW{L}'], grads[f'db{L}'] = linear_activation_backward(
        dA, caches[L - 1], 'sigmoid')
    grads[f'dA{L - 1}'] = dA
    for l in range(L - 1, 0, -1):
        dA, grads[f'dW{l}'], grads[f'db{l}'] = linear_activation_backward(
            grads[f'dA{l}'], caches[l - 1], 'relu')
        grads[f'dA{l - 1}'] = dA
    return grads


@mutants('L_model_backward', 'the last layer is sigmoid: pass \'sigmoid\' '
         'for caches[L - 1]')
def L_model_backward(AL, Y, caches):  # noqa: F811
    grads, L = {}, len(caches)
    Y = Y.reshape(AL.shape)
    dA = -(Y / AL - (1 - Y) / (1 - AL))
    dA, grads[f'dW{L}'], grads[f'db{L}'] = linear_activation_backward(
        dA, caches[L - 1], 'relu')
    grads[f'dA{L - 1}'] = dA
    for l in range(L - 1, 0, -1):
        dA, grads[f'dW{l}'], grads[f'db{l}'] = linear_activation_backward(
            grads[f'dA{l}'], caches[l - 1], 'relu')
        grads[f'dA{l - 1}'] = dA
    return grads


@mutants('L_model_backward', 'the (1 - Y) / (1 - AL) term of dAL is '
         'missing')
def L_model_backward(AL, Y, caches):  # noqa: F811
    grads, L = {}, len(caches)
    Y = Y.reshape(AL.shape)
    dA = -(Y / AL)
    dA, grads[f'dW{L}'], grads[f'db{L}'] = linear_activation_backward(
        dA, caches[L - 1], 'sigmoid')
    grads[f'dA{L - 1}'] = dA
    for l in range(L - 1, 0, -1):
        dA, grads[f'dW{l}'], grads[f'db{l}'] = linear_activation_backward(
            grads[f'dA{l}'], caches[l - 1], 'relu')
        grads[f'dA{l - 1}'] = dA
    return grads


@mutants('L_model_backward', 'stored dA under the layer\'s own index: the '
         'key is dA{l-1} for layer l')
def L_model_backward(AL, Y, caches):  # noqa: F811
    grads, L = {}, len(caches)
    Y = Y.reshape(AL.shape)
    dA = -(Y / AL - (1 - Y) / (1 - AL))
    for l in range(L, 0, -1):
        dA, grads[f'dW{l}'], grads[f'db{l}'] = linear_activation_backward(
            dA, caches[l - 1], 'sigmoid' if l == L else 'relu')
        grads[f'dA{l}'] = dA
    return grads


# ------------------------------------------------------------------- update
@mutants('update_parameters', 'the update has the wrong sign: subtract '
         'learning_rate * gradient', public=True)
def update_parameters(params, grads, learning_rate):  # noqa: F811
    parameters = {k: v.copy() for k, v in params.items()}
    for l in range(1, len(parameters) // 2 + 1):
        parameters[f'W{l}'] = parameters[f'W{l}'] + learning_rate * grads[
            f'dW{l}']
        parameters[f'b{l}'] = parameters[f'b{l}'] + learning_rate * grads[
            f'db{l}']
    return parameters


@mutants('update_parameters', 'the last layer is not updated: loop over '
         'range(1, L + 1)')
def update_parameters(params, grads, learning_rate):  # noqa: F811
    parameters = {k: v.copy() for k, v in params.items()}
    for l in range(1, len(parameters) // 2):
        parameters[f'W{l}'] = parameters[f'W{l}'] - learning_rate * grads[
            f'dW{l}']
        parameters[f'b{l}'] = parameters[f'b{l}'] - learning_rate * grads[
            f'db{l}']
    return parameters


@mutants('update_parameters', 'changed the caller\'s arrays in place '
         '(params.copy() is shallow, and -= writes into the arrays)')
def update_parameters(params, grads, learning_rate):  # noqa: F811
    parameters = params.copy()
    for l in range(1, len(parameters) // 2 + 1):
        parameters[f'W{l}'] -= learning_rate * grads[f'dW{l}']
        parameters[f'b{l}'] -= learning_rate * grads[f'db{l}']
    return parameters


@mutants('update_parameters', 'the biases are not updated')
def update_parameters(params, grads, learning_rate):  # noqa: F811
    parameters = {k: v.copy() for k, v in params.items()}
    for l in range(1, len(parameters) // 2 + 1):
        parameters[f'W{l}'] = parameters[f'W{l}'] - learning_rate * grads[
            f'dW{l}']
    return parameters
