"""Our reference building blocks of an L-layer network (C1_W4A1) and
``predict``, for the notebooks that come after C1_W4A1.

C1_W4A2 imports these so that its exercises are the training loops only;
C1_W4A1 itself never imports this module (there the learner writes them).
NumPy only, so the grader can import it cheaply.

Conventions (courses 1 and 2): one example per column. ``parameters`` maps
'W1', 'b1', ..., 'WL', 'bL' to arrays with W_l of shape
(layer_dims[l], layer_dims[l-1]) and b_l of shape (layer_dims[l], 1).
Caches: ``linear_cache = (A_prev, W, b)``, ``activation_cache = Z`` and
``cache = (linear_cache, activation_cache)``; ``caches`` is the list of the
L layer caches, layer 1 first. Hidden layers use ReLU, the output layer a
sigmoid.
"""
import numpy as np

from .dnn_utils import relu, relu_backward, sigmoid, sigmoid_backward

__all__ = ['initialize_parameters', 'initialize_parameters_deep',
           'linear_forward', 'linear_activation_forward', 'L_model_forward',
           'compute_cost', 'linear_backward', 'linear_activation_backward',
           'L_model_backward', 'update_parameters', 'predict']


def initialize_parameters(n_x, n_h, n_y):
    """Random small weights and zero biases of a 2-layer network.

    Draws W1 then W2 from np.random.randn (the caller seeds), scaled by
    0.01.

    Args:
        n_x: int, input size.
        n_h: int, hidden-layer size.
        n_y: int, output size.

    Returns:
        parameters: dict with W1 (n_h, n_x), b1 (n_h, 1), W2 (n_y, n_h),
            b2 (n_y, 1).
    """
    return {'W1': np.random.randn(n_h, n_x) * 0.01,
            'b1': np.zeros((n_h, 1)),
            'W2': np.random.randn(n_y, n_h) * 0.01,
            'b2': np.zeros((n_y, 1))}


def initialize_parameters_deep(layer_dims):
    """Random weights scaled by 1 / sqrt(fan-in) and zero biases.

    Unlike C1_W4A1's exercise (randn * 0.01) the weights are scaled by
    1 / sqrt(layer_dims[l-1]), which keeps the activations of a deep
    network from shrinking layer after layer. Draws W1, W2, ... in order
    from np.random.randn (the caller seeds).

    Args:
        layer_dims: list of ints [n_x, n_1, ..., n_L].

    Returns:
        parameters: dict with W_l (layer_dims[l], layer_dims[l-1]) and
            b_l (layer_dims[l], 1) for l = 1..L.
    """
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters[f'W{l}'] = (np.random.randn(layer_dims[l],
                                               layer_dims[l - 1])
                               / np.sqrt(layer_dims[l - 1]))
        parameters[f'b{l}'] = np.zeros((layer_dims[l], 1))
    return parameters


def linear_forward(A, W, b):
    """Linear part of a layer: Z = W A + b.

    Args:
        A: activations of the previous layer, (n_prev, m).
        W: weights, (n_l, n_prev).
        b: biases, (n_l, 1).

    Returns:
        Z: pre-activations, (n_l, m).
        cache: (A, W, b).
    """
    return W @ A + b, (A, W, b)


def linear_activation_forward(A_prev, W, b, activation):
    """One layer: linear part, then 'sigmoid' or 'relu'.

    Args:
        A_prev: (n_prev, m); W: (n_l, n_prev); b: (n_l, 1).
        activation: 'sigmoid' or 'relu'.

    Returns:
        A: activations, (n_l, m).
        cache: (linear_cache, activation_cache) = ((A_prev, W, b), Z).
    """
    Z, linear_cache = linear_forward(A_prev, W, b)
    act = {'sigmoid': sigmoid, 'relu': relu}[activation]
    A, activation_cache = act(Z)
    return A, (linear_cache, activation_cache)


def L_model_forward(X, parameters):
    """Forward pass [LINEAR->RELU] * (L-1) -> LINEAR->SIGMOID.

    Args:
        X: inputs, (n_x, m).
        parameters: dict W1, b1, ..., WL, bL.

    Returns:
        AL: output probabilities, (1, m).
        caches: list of the L layer caches, layer 1 first.
    """
    L = len(parameters) // 2
    A, caches = X, []
    for l in range(1, L):
        A, cache = linear_activation_forward(
            A, parameters[f'W{l}'], parameters[f'b{l}'], 'relu')
        caches.append(cache)
    AL, cache = linear_activation_forward(
        A, parameters[f'W{L}'], parameters[f'b{L}'], 'sigmoid')
    caches.append(cache)
    return AL, caches


def compute_cost(AL, Y):
    """Mean binary cross-entropy.

    Args:
        AL: probabilities, (1, m).
        Y: labels 0/1, (1, m).

    Returns:
        cost: 0-d float array (np.squeeze of the mean).
    """
    m = Y.shape[1]
    cost = -np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m
    return np.squeeze(cost)


def linear_backward(dZ, cache):
    """Backward pass of the linear part of one layer.

    Args:
        dZ: gradient of the cost w.r.t. Z, (n_l, m).
        cache: (A_prev, W, b) from linear_forward.

    Returns:
        dA_prev: (n_prev, m); dW: (n_l, n_prev); db: (n_l, 1).
    """
    A_prev, W, _b = cache
    m = A_prev.shape[1]
    dW = dZ @ A_prev.T / m  # (n_l, n_prev)
    db = np.sum(dZ, axis=1, keepdims=True) / m  # (n_l, 1)
    dA_prev = W.T @ dZ  # (n_prev, m)
    return dA_prev, dW, db


def linear_activation_backward(dA, cache, activation):
    """Backward pass of one layer (activation, then linear part).

    Args:
        dA: gradient w.r.t. this layer's activations, (n_l, m).
        cache: (linear_cache, activation_cache).
        activation: 'sigmoid' or 'relu'.

    Returns:
        dA_prev: (n_prev, m); dW: (n_l, n_prev); db: (n_l, 1).
    """
    linear_cache, activation_cache = cache
    back = {'sigmoid': sigmoid_backward, 'relu': relu_backward}[activation]
    dZ = back(dA, activation_cache)
    return linear_backward(dZ, linear_cache)


def L_model_backward(AL, Y, caches):
    """Backward pass of the whole network.

    Args:
        AL: output probabilities, (1, m).
        Y: labels, (1, m) (reshaped to AL's shape).
        caches: list of L caches from L_model_forward.

    Returns:
        grads: dict with dA0..dA{L-1}, dW1..dWL and db1..dbL.
    """
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))  # (1, m)
    dA, dW, db = linear_activation_backward(dAL, caches[L - 1], 'sigmoid')
    grads[f'dA{L - 1}'], grads[f'dW{L}'], grads[f'db{L}'] = dA, dW, db
    for l in reversed(range(L - 1)):
        dA, dW, db = linear_activation_backward(grads[f'dA{l + 1}'],
                                                caches[l], 'relu')
        grads[f'dA{l}'], grads[f'dW{l + 1}'], grads[f'db{l + 1}'] = \
            dA, dW, db
    return grads


def update_parameters(params, grads, learning_rate):
    """One gradient-descent step on a copy of `params`.

    Args:
        params: dict W1, b1, ..., WL, bL (left unchanged).
        grads: dict with dW1, db1, ..., dWL, dbL.
        learning_rate: float.

    Returns:
        parameters: new dict, W_l - learning_rate * dW_l and likewise b_l.
    """
    L = len(params) // 2
    parameters = {}
    for l in range(1, L + 1):
        for p in ('W', 'b'):
            parameters[f'{p}{l}'] = (params[f'{p}{l}']
                                     - learning_rate * grads[f'd{p}{l}'])
    return parameters


def predict(X, parameters):
    """0/1 predictions of an L-layer network (threshold 0.5).

    Args:
        X: inputs, (n_x, m).
        parameters: dict W1, b1, ..., WL, bL.

    Returns:
        predictions: float array (1, m) of 0.0 and 1.0.
    """
    AL, _ = L_model_forward(X, parameters)
    return (AL > 0.5).astype(float)  # (1, m)
