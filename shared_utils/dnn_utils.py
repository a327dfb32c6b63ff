"""Activation forward/backward pairs with caches, as deep-net notebooks use
them (C1_W4A1, C1_W4A2, course 2).

Contract: ``<act>(Z) -> (A, cache)`` with ``cache = Z``, and
``<act>_backward(dA, cache) -> dZ``. Shapes: Z, A, dA, dZ are (n_l, m).
Graded functions may call these; the grader imports the same module.
"""
import numpy as np


def sigmoid(Z):
    """Sigmoid activation.

    Args:
        Z: np.ndarray (n_l, m), pre-activations.

    Returns:
        A: np.ndarray (n_l, m), 1 / (1 + exp(-Z)).
        cache: Z, kept for the backward pass.
    """
    return 1 / (1 + np.exp(-Z)), Z


def relu(Z):
    """ReLU activation.

    Args:
        Z: np.ndarray (n_l, m), pre-activations.

    Returns:
        A: np.ndarray (n_l, m), max(0, Z).
        cache: Z, kept for the backward pass.
    """
    return np.maximum(0, Z), Z


def sigmoid_backward(dA, cache):
    """Backward pass of a sigmoid unit.

    Args:
        dA: np.ndarray (n_l, m), gradient of the cost w.r.t. A.
        cache: Z from :func:`sigmoid`.

    Returns:
        dZ: np.ndarray (n_l, m), dA * s * (1 - s) with s = sigmoid(Z).
    """
    s = 1 / (1 + np.exp(-cache))
    return dA * s * (1 - s)


def relu_backward(dA, cache):
    """Backward pass of a ReLU unit.

    Args:
        dA: np.ndarray (n_l, m), gradient of the cost w.r.t. A.
        cache: Z from :func:`relu`.

    Returns:
        dZ: np.ndarray (n_l, m), dA where Z > 0, else 0.
    """
    return np.where(cache > 0, dA, 0.0)
