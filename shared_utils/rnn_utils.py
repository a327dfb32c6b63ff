"""Activations provided to the C5_W1A1 notebook (RNN and LSTM step by step).

Graded functions may call what the imports cell takes from here; the grader
imports the same module. Layout as in the notebook: one example per column,
so a softmax normalises each column (axis 0). Keep it free of heavy imports.
"""
import numpy as np


def sigmoid(z):
    """Compute the logistic sigmoid element-wise, without overflow warnings.

    Args:
        z: scalar or np.ndarray of any shape.

    Returns:
        s: same shape as `z`, values in (0, 1).
    """
    z = np.asarray(z, dtype=float)
    e = np.exp(-np.abs(z))  # in (0, 1]: never overflows
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


def softmax(z):
    """Turn each column of scores into probabilities.

    Shapes: `z` is (n_y, m), one column of n_y class scores per example.
    The largest score of each column is subtracted first; that leaves the
    result unchanged and keeps np.exp from overflowing.

    Args:
        z: np.ndarray of shape (n_y, m).

    Returns:
        p: np.ndarray of shape (n_y, m); every column is positive and sums
            to 1.
    """
    z = np.asarray(z, dtype=float)
    e = np.exp(z - np.max(z, axis=0, keepdims=True))  # (n_y, m)
    return e / np.sum(e, axis=0, keepdims=True)
