"""Provided network pieces for the optimisation-methods notebook (C2_W2A1).

An L-layer fully connected network, RELU in the hidden layers and a SIGMOID
output: initialisation, forward pass, summed cross-entropy cost, backward
pass and prediction. The notebook grades only the update rules and the
mini-batching; the model it trains is built from these. NumPy only, so the
grader can import it cheaply.

Conventions: one example per column. ``parameters`` maps 'W1', 'b1', ...,
'WL', 'bL' to W_l of shape (n_l, n_{l-1}) and b_l of shape (n_l, 1); the
gradients use the same names with a 'd' in front ('dW1', 'db1', ...).
"""
import numpy as np

# Probabilities are clipped to [EPS, 1 - EPS] in the cost, so a confidently
# wrong prediction costs about 27.6 instead of infinity.
EPS = 1e-12


def initialize_parameters(layers_dims, seed=3):
    """He-scaled random weights and zero biases.

    Draws from its own ``np.random.RandomState(seed)``, so the global NumPy
    random state is left alone.

    Args:
        layers_dims: list of ints [n_0, n_1, ..., n_L], the layer sizes.
        seed: int, seed of the draws.

    Returns:
        parameters: dict with W_l (n_l, n_{l-1}), drawn from N(0, 2 /
            n_{l-1}), and b_l (n_l, 1) zeros, for l = 1..L.
    """
    rng = np.random.RandomState(seed)
    parameters = {}
    for l in range(1, len(layers_dims)):
        n, n_prev = layers_dims[l], layers_dims[l - 1]
        parameters[f'W{l}'] = rng.randn(n, n_prev) * np.sqrt(2 / n_prev)
        parameters[f'b{l}'] = np.zeros((n, 1))
    return parameters


def forward_propagation(X, parameters):
    """Forward pass: RELU hidden layers, SIGMOID output.

    Args:
        X: inputs, np.ndarray (n_0, m).
        parameters: dict W1, b1, ..., WL, bL.

    Returns:
        AL: output probabilities, np.ndarray (1, m).
        cache: list of (A_prev, W, Z) per layer l = 1..L, where A_prev
            (n_{l-1}, m) is the layer's input and Z (n_l, m) its
            pre-activation.
    """
    L = len(parameters) // 2
    A, cache = X, []
    for l in range(1, L + 1):
        W, b = parameters[f'W{l}'], parameters[f'b{l}']
        Z = W @ A + b  # (n_l, m)
        cache.append((A, W, Z))
        A = np.maximum(0, Z) if l < L else 1 / (1 + np.exp(-Z))
    return A, cache


def compute_cost(AL, Y):
    """Cross-entropy SUMMED over the examples (not averaged).

    Summing lets a training loop add up the costs of its mini-batches and
    divide once by the number of examples at the end of an epoch.

    Args:
        AL: probabilities, np.ndarray (1, m).
        Y: labels 0/1, np.ndarray (1, m).

    Returns:
        cost: float, -sum(Y log AL + (1 - Y) log(1 - AL)).
    """
    P = np.clip(AL, EPS, 1 - EPS)  # (1, m)
    return float(-np.sum(Y * np.log(P) + (1 - Y) * np.log(1 - P)))


def backward_propagation(X, Y, cache):
    """Gradients of the AVERAGED cross-entropy (the cost divided by m).

    Args:
        X: inputs, np.ndarray (n_0, m).
        Y: labels, np.ndarray (1, m).
        cache: the list returned by forward_propagation.

    Returns:
        grads: dict dW1, db1, ..., dWL, dbL, each shaped like its
            parameter.
    """
    m = X.shape[1]
    L = len(cache)
    _, _, ZL = cache[-1]
    dZ = 1 / (1 + np.exp(-ZL)) - Y  # (1, m), sigmoid output layer
    grads = {}
    for l in range(L, 0, -1):
        A_prev, W, _ = cache[l - 1]
        grads[f'dW{l}'] = dZ @ A_prev.T / m  # (n_l, n_{l-1})
        grads[f'db{l}'] = np.sum(dZ, axis=1, keepdims=True) / m  # (n_l, 1)
        if l > 1:
            dA_prev = W.T @ dZ  # (n_{l-1}, m)
            dZ = dA_prev * (cache[l - 2][2] > 0)  # RELU of layer l - 1
    return grads


def predict(X, parameters):
    """0/1 predictions of the network, 1 where the probability > 0.5.

    Args:
        X: inputs, np.ndarray (n_0, k).
        parameters: dict W1, b1, ..., WL, bL.

    Returns:
        predictions: np.ndarray (1, k) of 0.0 and 1.0.
    """
    AL, _ = forward_propagation(X, parameters)
    return (AL > 0.5).astype(float)  # (1, k)


def accuracy(X, Y, parameters):
    """Share of correct predictions, in percent (a float)."""
    return 100 * float(np.mean(predict(X, parameters) == Y))
