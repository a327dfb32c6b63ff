"""Plain element-wise activations provided to notebooks that do not grade
them (e.g. C1_W3A1 uses ``sigmoid`` for its output layer).

Graded functions may call what the imports cell takes from here; the grader
imports the same module. Keep it free of heavy imports.
"""
import numpy as np


def sigmoid(z):
    """Compute the logistic sigmoid element-wise.

    Args:
        z: scalar or np.ndarray of any shape.

    Returns:
        s: same shape as `z`, values in (0, 1).
    """
    return 1 / (1 + np.exp(-z))


def relu(z):
    """Compute max(0, z) element-wise (same shape as `z`)."""
    return np.maximum(0, z)
