"""A provided 3-layer network, LINEAR-RELU-LINEAR-RELU-LINEAR-SIGMOID, for
the course 2 week 1 notebooks (initialisation and regularisation).

The notebooks grade initialisers, a regularised cost and dropout; the plain
forward pass, backward pass, cost and update come from here. NumPy only, so
the grader can import it cheaply.

Conventions: one example per column. ``parameters`` maps 'W1', 'b1', 'W2',
'b2', 'W3', 'b3' to arrays with W_l of shape (n_l, n_{l-1}) and b_l of shape
(n_l, 1). The forward cache is the 12-tuple
``(Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3)``.
"""
import numpy as np

from .activations import relu, sigmoid

__all__ = ['sigmoid', 'relu', 'initialize_parameters', 'forward_propagation',
           'compute_cost', 'backward_propagation', 'update_parameters',
           'predict', 'accuracy']

# Probabilities are clipped to [EPS, 1 - EPS] in the cost, so a confidently
# wrong prediction costs about 27.6 instead of infinity.
EPS = 1e-12


def initialize_parameters(layers_dims, seed=3):
    """Random weights scaled by 1 / sqrt(n_{l-1}) and zero biases.

    Draws from its own ``np.random.RandomState(seed)``, so the global NumPy
    random state is left alone.

    Args:
        layers_dims: list of ints [n_0, n_1, ..., n_L], the layer sizes.
        seed: int, seed of the draws.

    Returns:
        parameters: dict with W_l (n_l, n_{l-1}) and b_l (n_l, 1) for
            l = 1..L.
    """
    rng = np.random.RandomState(seed)
    parameters = {}
    for l in range(1, len(layers_dims)):
        n, n_prev = layers_dims[l], layers_dims[l - 1]
        parameters[f'W{l}'] = rng.randn(n, n_prev) / np.sqrt(n_prev)
        parameters[f'b{l}'] = np.zeros((n, 1))
    return parameters


def forward_propagation(X, parameters):
    """Forward pass LINEAR-RELU-LINEAR-RELU-LINEAR-SIGMOID.

    Args:
        X: inputs, array of shape (n_x, m).
        parameters: dict W1 (n_1, n_x), b1 (n_1, 1), W2 (n_2, n_1),
            b2 (n_2, 1), W3 (1, n_2), b3 (1, 1).

    Returns:
        A3: output probabilities, shape (1, m).
        cache: tuple (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3).
    """
    W1, b1 = parameters['W1'], parameters['b1']
    W2, b2 = parameters['W2'], parameters['b2']
    W3, b3 = parameters['W3'], parameters['b3']
    Z1 = W1 @ X + b1  # (n_1, m)
    A1 = relu(Z1)
    Z2 = W2 @ A1 + b2  # (n_2, m)
    A2 = relu(Z2)
    Z3 = W3 @ A2 + b3  # (1, m)
    A3 = sigmoid(Z3)
    return A3, (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3)


def compute_cost(A3, Y):
    """Cross-entropy cost averaged over the examples.

    Args:
        A3: predicted probabilities, shape (1, m).
        Y: true labels 0 or 1, shape (1, m).

    Returns:
        cost: float, -(1/m) sum(y log a + (1 - y) log(1 - a)), with a
            clipped to [EPS, 1 - EPS].
    """
    A = np.clip(A3, EPS, 1 - EPS)  # (1, m)
    losses = -(Y * np.log(A) + (1 - Y) * np.log(1 - A))  # (1, m)
    return float(np.mean(losses))


def backward_propagation(X, Y, cache):
    """Backward pass of :func:`forward_propagation` (no regularisation).

    Args:
        X: inputs, shape (n_x, m).
        Y: true labels, shape (1, m).
        cache: the 12-tuple from :func:`forward_propagation`.

    Returns:
        gradients: dict with dZ3, dW3, db3, dA2, dZ2, dW2, db2, dA1, dZ1,
            dW1, db1, each shaped like the quantity it differentiates.
    """
    m = X.shape[1]
    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache
    dZ3 = A3 - Y  # (1, m)
    dW3 = dZ3 @ A2.T / m
    db3 = np.sum(dZ3, axis=1, keepdims=True) / m
    dA2 = W3.T @ dZ3  # (n_2, m)
    dZ2 = dA2 * (A2 > 0)
    dW2 = dZ2 @ A1.T / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dA1 = W2.T @ dZ2  # (n_1, m)
    dZ1 = dA1 * (A1 > 0)
    dW1 = dZ1 @ X.T / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    return {'dZ3': dZ3, 'dW3': dW3, 'db3': db3, 'dA2': dA2, 'dZ2': dZ2,
            'dW2': dW2, 'db2': db2, 'dA1': dA1, 'dZ1': dZ1, 'dW1': dW1,
            'db1': db1}


def update_parameters(parameters, grads, learning_rate):
    """One gradient-descent step on every W_l and b_l.

    Args:
        parameters: dict W1, b1, ..., WL, bL.
        grads: dict with dW1, db1, ..., dWL, dbL of the same shapes.
        learning_rate: float, the step size.

    Returns:
        parameters: a new dict with W_l - learning_rate * dW_l and
            b_l - learning_rate * db_l.
    """
    return {key: value - learning_rate * grads[f'd{key}']
            for key, value in parameters.items()}


def predict(X, parameters):
    """Predict 0/1 labels with the 3-layer network (no dropout).

    Args:
        X: inputs, shape (n_x, m).
        parameters: dict W1..b3.

    Returns:
        predictions: int array of shape (1, m), 1 where A3 > 0.5.
    """
    A3, _ = forward_propagation(X, parameters)
    return (A3 > 0.5).astype(int)  # (1, m)


def accuracy(X, Y, parameters):
    """Percentage of the examples whose predicted label equals Y.

    Args:
        X: inputs, shape (n_x, m).
        Y: true labels, shape (1, m).
        parameters: dict W1..b3.

    Returns:
        accuracy: float in [0, 100].
    """
    return 100.0 * float(np.mean(predict(X, parameters) == Y))
