"""Provided helpers for the gradient-checking notebook (C2_W1A3).

A small 3-layer network (LINEAR -> RELU -> LINEAR -> RELU -> LINEAR ->
SIGMOID) with layer sizes 4 -> 5 -> 3 -> 1, its cost, a backward pass to be
checked, and the helpers that turn a parameter dictionary into one long
column vector and back.

The backward pass here is deliberately NOT trusted: checking it is the
point of the notebook. Graded functions may call what the imports cell
takes from here; the grader imports the same module. NumPy only.
"""
import numpy as np

# Parameter names and shapes of the 4-5-3-1 network, in vector order.
SHAPES = (('W1', (5, 4)), ('b1', (5, 1)), ('W2', (3, 5)), ('b2', (3, 1)),
          ('W3', (1, 3)), ('b3', (1, 1)))


def sigmoid(x):
    """Element-wise logistic sigmoid 1 / (1 + exp(-x)), same shape as x."""
    return 1 / (1 + np.exp(-x))


def relu(x):
    """Element-wise max(0, x), same shape as x."""
    return np.maximum(0, x)


def dictionary_to_vector(parameters):
    """Stack the parameters into one column vector, in SHAPES order.

    Args:
        parameters: dict with 'W1', 'b1', 'W2', 'b2', 'W3', 'b3'.

    Returns:
        theta: np.ndarray (n, 1), every entry of W1, b1, ..., b3 in turn
            (each array read row by row); n = 47 for the 4-5-3-1 net.
        keys: list of n strings, the name of the array each entry came
            from.
    """
    pieces, keys = [], []
    for name, _ in SHAPES:
        value = np.asarray(parameters[name], dtype=float)
        pieces.append(value.reshape(-1, 1))  # (size, 1)
        keys += [name] * value.size
    return np.concatenate(pieces, axis=0), keys  # (n, 1)


def vector_to_dictionary(theta, shapes=SHAPES):
    """Undo dictionary_to_vector: cut a column vector back into arrays.

    Args:
        theta: np.ndarray (n, 1) or (n,), laid out as dictionary_to_vector
            makes it.
        shapes: sequence of (name, shape) pairs; the 4-5-3-1 network by
            default.

    Returns:
        parameters: dict name -> np.ndarray of the given shape (copies, so
            changing them leaves theta alone).
    """
    flat = np.asarray(theta, dtype=float).reshape(-1)  # (n,)
    parameters, start = {}, 0
    for name, shape in shapes:
        size = int(np.prod(shape))
        parameters[name] = flat[start:start + size].reshape(shape).copy()
        start += size
    if start != flat.size:
        raise ValueError(f'theta has {flat.size} entries, the shapes need '
                         f'{start}')
    return parameters


def gradients_to_vector(gradients):
    """Stack dW1, db1, ..., db3 into one column, matching theta's layout.

    Args:
        gradients: dict with 'dW1', 'db1', 'dW2', 'db2', 'dW3', 'db3' (it
            may hold more keys, e.g. 'dZ1'; they are ignored).

    Returns:
        grad: np.ndarray (n, 1), entry i the derivative of the cost with
            respect to entry i of dictionary_to_vector(parameters)[0].
    """
    pieces = [np.asarray(gradients['d' + name], dtype=float).reshape(-1, 1)
              for name, _ in SHAPES]
    return np.concatenate(pieces, axis=0)  # (n, 1)


def forward_propagation_n(X, Y, parameters):
    """Forward pass of the 3-layer network and its cross-entropy cost.

    Args:
        X: inputs, np.ndarray (4, m), one example per column.
        Y: labels, np.ndarray (1, m), entries 0 or 1.
        parameters: dict with W1 (5, 4), b1 (5, 1), W2 (3, 5), b2 (3, 1),
            W3 (1, 3), b3 (1, 1).

    Returns:
        cost: float, the cross-entropy averaged over the m examples.
        cache: tuple (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3), the
            pre-activations Z (n_l, m), activations A (n_l, m) and the
            parameters of each layer, for the backward pass.
    """
    W1, b1 = parameters['W1'], parameters['b1']
    W2, b2 = parameters['W2'], parameters['b2']
    W3, b3 = parameters['W3'], parameters['b3']
    Z1 = W1 @ X + b1  # (5, m)
    A1 = relu(Z1)
    Z2 = W2 @ A1 + b2  # (3, m)
    A2 = relu(Z2)
    Z3 = W3 @ A2 + b3  # (1, m)
    A3 = sigmoid(Z3)
    losses = -(Y * np.log(A3) + (1 - Y) * np.log(1 - A3))  # (1, m)
    cost = float(np.mean(losses))
    cache = (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3)
    return cost, cache


def backward_propagation_n(X, Y, cache):
    """Backward pass of the 3-layer network: the gradients to be checked.

    Written quickly and never tested, so do not trust it: the notebook's
    gradient check is there to find out whether it is right.

    Args:
        X: inputs, np.ndarray (4, m).
        Y: labels, np.ndarray (1, m).
        cache: the tuple returned by forward_propagation_n.

    Returns:
        gradients: dict with dZ3, dW3, db3, dA2, dZ2, dW2, db2, dA1, dZ1,
            dW1, db1; each dW/db has the shape of its W/b.
    """
    m = X.shape[1]
    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache
    dZ3 = A3 - Y  # (1, m)
    dW3 = dZ3 @ A2.T / m  # (1, 3)
    db3 = np.sum(dZ3, axis=1, keepdims=True)  # (1, 1)
    dA2 = W3.T @ dZ3  # (3, m)
    dZ2 = dA2 * (A2 >= 0)  # (3, m)
    dW2 = dZ2 @ A1.T / m  # (3, 5)
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m  # (3, 1)
    dA1 = W2.T @ dZ2  # (5, m)
    dZ1 = dA1 * (A1 > 0)  # (5, m)
    dW1 = dZ1 @ X.T / m  # (5, 4)
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m  # (5, 1)
    return {'dZ3': dZ3, 'dW3': dW3, 'db3': db3, 'dA2': dA2, 'dZ2': dZ2,
            'dW2': dW2, 'db2': db2, 'dA1': dA1, 'dZ1': dZ1, 'dW1': dW1,
            'db1': db1}
