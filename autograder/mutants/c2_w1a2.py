"""Realistic learner bugs for C2_W1A2; each must lose points.

Mutants may call the provided helpers the notebook imports (compute_cost,
backward_propagation, relu, sigmoid): they run beside them.
"""
import numpy as np

from ..checking import Mutants

mutants = Mutants()
compute_cost = backward_propagation = relu = sigmoid = None


@mutants('compute_cost_with_regularization', 'used lambd / m; the L2 term '
         'is lambd / (2m) times the sum of squared weights', public=True)
def compute_cost_with_regularization(A3, Y, parameters, lambd):
    m = Y.shape[1]
    W1, W2, W3 = parameters['W1'], parameters['W2'], parameters['W3']
    l2 = np.sum(np.square(W1)) + np.sum(np.square(W2)) + \
        np.sum(np.square(W3))
    return compute_cost(A3, Y) + lambd / m * l2


@mutants('compute_cost_with_regularization', 'forgot to divide the L2 term '
         'by m')
def compute_cost_with_regularization(A3, Y, parameters, lambd):  # noqa
    W1, W2, W3 = parameters['W1'], parameters['W2'], parameters['W3']
    l2 = np.sum(np.square(W1)) + np.sum(np.square(W2)) + \
        np.sum(np.square(W3))
    return compute_cost(A3, Y) + lambd / 2 * l2


@mutants('compute_cost_with_regularization', 'summed the weights, not their '
         'squares')
def compute_cost_with_regularization(A3, Y, parameters, lambd):  # noqa
    m = Y.shape[1]
    W1, W2, W3 = parameters['W1'], parameters['W2'], parameters['W3']
    l2 = np.sum(W1) + np.sum(W2) + np.sum(W3)
    return compute_cost(A3, Y) + lambd / (2 * m) * l2


@mutants('compute_cost_with_regularization', 'left out W3: every weight '
         'matrix is penalised')
def compute_cost_with_regularization(A3, Y, parameters, lambd):  # noqa
    m = Y.shape[1]
    W1, W2 = parameters['W1'], parameters['W2']
    l2 = np.sum(np.square(W1)) + np.sum(np.square(W2))
    return compute_cost(A3, Y) + lambd / (2 * m) * l2


@mutants('compute_cost_with_regularization', 'penalised the biases too; '
         'only W1, W2, W3 are')
def compute_cost_with_regularization(A3, Y, parameters, lambd):  # noqa
    m = Y.shape[1]
    l2 = sum(np.sum(np.square(v)) for v in parameters.values())
    return compute_cost(A3, Y) + lambd / (2 * m) * l2


@mutants('backward_propagation_with_regularization', 'the L2 term is '
         '(lambd / m) * W; you left out the 1/m', public=True)
def backward_propagation_with_regularization(X, Y, cache, lambd):
    grads = backward_propagation(X, Y, cache)
    for l, W in ((1, cache[2]), (2, cache[6]), (3, cache[10])):
        grads[f'dW{l}'] = grads[f'dW{l}'] + lambd * W
    return grads


@mutants('backward_propagation_with_regularization', 'the derivative of '
         'lambd / (2m) * W^2 is (lambd / m) * W: the 2 cancels')
def backward_propagation_with_regularization(X, Y, cache, lambd):  # noqa
    m = X.shape[1]
    grads = backward_propagation(X, Y, cache)
    for l, W in ((1, cache[2]), (2, cache[6]), (3, cache[10])):
        grads[f'dW{l}'] = grads[f'dW{l}'] + lambd / (2 * m) * W
    return grads


@mutants('backward_propagation_with_regularization', 'dW1 misses the L2 '
         'term; add (lambd / m) * W to every dW')
def backward_propagation_with_regularization(X, Y, cache, lambd):  # noqa
    m = X.shape[1]
    grads = backward_propagation(X, Y, cache)
    for l, W in ((2, cache[6]), (3, cache[10])):
        grads[f'dW{l}'] = grads[f'dW{l}'] + lambd / m * W
    return grads


@mutants('backward_propagation_with_regularization', 'regularised the '
         'biases too; only dW gets (lambd / m) * W')
def backward_propagation_with_regularization(X, Y, cache, lambd):  # noqa
    m = X.shape[1]
    grads = backward_propagation(X, Y, cache)
    for l, W, b in ((1, cache[2], cache[3]), (2, cache[6], cache[7]),
                    (3, cache[10], cache[11])):
        grads[f'dW{l}'] = grads[f'dW{l}'] + lambd / m * W
        grads[f'db{l}'] = grads[f'db{l}'] + lambd / m * b
    return grads


@mutants('backward_propagation_with_regularization', 'sign error: add '
         '(lambd / m) * W, do not subtract it')
def backward_propagation_with_regularization(X, Y, cache, lambd):  # noqa
    m = X.shape[1]
    grads = backward_propagation(X, Y, cache)
    for l, W in ((1, cache[2]), (2, cache[6]), (3, cache[10])):
        grads[f'dW{l}'] = grads[f'dW{l}'] - lambd / m * W
    return grads


@mutants('forward_propagation_with_dropout', 'the kept units are not '
         'scaled: divide by keep_prob (inverted dropout)', public=True)
def forward_propagation_with_dropout(X, parameters, keep_prob=0.5):
    W1, b1, W2, b2, W3, b3 = (parameters[k] for k in
                              ('W1', 'b1', 'W2', 'b2', 'W3', 'b3'))
    Z1 = W1 @ X + b1
    A1 = relu(Z1)
    D1 = np.random.rand(*A1.shape) < keep_prob
    A1 = A1 * D1
    Z2 = W2 @ A1 + b2
    A2 = relu(Z2)
    D2 = np.random.rand(*A2.shape) < keep_prob
    A2 = A2 * D2
    Z3 = W3 @ A2 + b3
    A3 = sigmoid(Z3)
    return A3, (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)


@mutants('forward_propagation_with_dropout', 'keep a unit where rand < '
         'keep_prob, not where it is larger')
def forward_propagation_with_dropout(X, parameters, keep_prob=0.5):  # noqa
    W1, b1, W2, b2, W3, b3 = (parameters[k] for k in
                              ('W1', 'b1', 'W2', 'b2', 'W3', 'b3'))
    Z1 = W1 @ X + b1
    A1 = relu(Z1)
    D1 = np.random.rand(*A1.shape) > keep_prob
    A1 = A1 * D1 / keep_prob
    Z2 = W2 @ A1 + b2
    A2 = relu(Z2)
    D2 = np.random.rand(*A2.shape) > keep_prob
    A2 = A2 * D2 / keep_prob
    Z3 = W3 @ A2 + b3
    A3 = sigmoid(Z3)
    return A3, (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)


@mutants('forward_propagation_with_dropout', 'dropout is applied to A1 '
         'only; apply it to A2 as well')
def forward_propagation_with_dropout(X, parameters, keep_prob=0.5):  # noqa
    W1, b1, W2, b2, W3, b3 = (parameters[k] for k in
                              ('W1', 'b1', 'W2', 'b2', 'W3', 'b3'))
    Z1 = W1 @ X + b1
    A1 = relu(Z1)
    D1 = np.random.rand(*A1.shape) < keep_prob
    A1 = A1 * D1 / keep_prob
    Z2 = W2 @ A1 + b2
    A2 = relu(Z2)
    D2 = np.random.rand(*A2.shape) < keep_prob
    Z3 = W3 @ A2 + b3
    A3 = sigmoid(Z3)
    return A3, (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)


@mutants('forward_propagation_with_dropout', 'np.random.randn draws normal '
         'numbers; the masks need uniform ones, np.random.rand')
def forward_propagation_with_dropout(X, parameters, keep_prob=0.5):  # noqa
    W1, b1, W2, b2, W3, b3 = (parameters[k] for k in
                              ('W1', 'b1', 'W2', 'b2', 'W3', 'b3'))
    Z1 = W1 @ X + b1
    A1 = relu(Z1)
    D1 = np.random.randn(*A1.shape) < keep_prob
    A1 = A1 * D1 / keep_prob
    Z2 = W2 @ A1 + b2
    A2 = relu(Z2)
    D2 = np.random.randn(*A2.shape) < keep_prob
    A2 = A2 * D2 / keep_prob
    Z3 = W3 @ A2 + b3
    A3 = sigmoid(Z3)
    return A3, (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)


@mutants('forward_propagation_with_dropout', 'the cache stores the '
         'activations before dropout; keep the dropped-out A1, A2')
def forward_propagation_with_dropout(X, parameters, keep_prob=0.5):  # noqa
    W1, b1, W2, b2, W3, b3 = (parameters[k] for k in
                              ('W1', 'b1', 'W2', 'b2', 'W3', 'b3'))
    Z1 = W1 @ X + b1
    A1 = relu(Z1)
    D1 = np.random.rand(*A1.shape) < keep_prob
    A1d = A1 * D1 / keep_prob
    Z2 = W2 @ A1d + b2
    A2 = relu(Z2)
    D2 = np.random.rand(*A2.shape) < keep_prob
    A2d = A2 * D2 / keep_prob
    Z3 = W3 @ A2d + b3
    A3 = sigmoid(Z3)
    return A3, (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)


@mutants('backward_propagation_with_dropout', 'divide dA1 and dA2 by '
         'keep_prob after applying the masks', public=True)
def backward_propagation_with_dropout(X, Y, cache, keep_prob):
    m = X.shape[1]
    (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3) = cache
    dZ3 = A3 - Y
    dW3 = dZ3 @ A2.T / m
    db3 = np.sum(dZ3, axis=1, keepdims=True) / m
    dA2 = W3.T @ dZ3 * D2
    dZ2 = dA2 * (A2 > 0)
    dW2 = dZ2 @ A1.T / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dA1 = W2.T @ dZ2 * D1
    dZ1 = dA1 * (A1 > 0)
    dW1 = dZ1 @ X.T / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    return {'dZ3': dZ3, 'dW3': dW3, 'db3': db3, 'dA2': dA2, 'dZ2': dZ2,
            'dW2': dW2, 'db2': db2, 'dA1': dA1, 'dZ1': dZ1, 'dW1': dW1,
            'db1': db1}


@mutants('backward_propagation_with_dropout', 'dA1 is not masked: multiply '
         'it by D1, the units dropped in the forward pass')
def backward_propagation_with_dropout(X, Y, cache, keep_prob):  # noqa
    m = X.shape[1]
    (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3) = cache
    dZ3 = A3 - Y
    dW3 = dZ3 @ A2.T / m
    db3 = np.sum(dZ3, axis=1, keepdims=True) / m
    dA2 = W3.T @ dZ3 * D2 / keep_prob
    dZ2 = dA2 * (A2 > 0)
    dW2 = dZ2 @ A1.T / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dA1 = W2.T @ dZ2 / keep_prob
    dZ1 = dA1 * (A1 > 0)
    dW1 = dZ1 @ X.T / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    return {'dZ3': dZ3, 'dW3': dW3, 'db3': db3, 'dA2': dA2, 'dZ2': dZ2,
            'dW2': dW2, 'db2': db2, 'dA1': dA1, 'dZ1': dZ1, 'dW1': dW1,
            'db1': db1}


@mutants('backward_propagation_with_dropout', 'multiplied by keep_prob; '
         'divide by it, as in the forward pass')
def backward_propagation_with_dropout(X, Y, cache, keep_prob):  # noqa
    m = X.shape[1]
    (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3) = cache
    dZ3 = A3 - Y
    dW3 = dZ3 @ A2.T / m
    db3 = np.sum(dZ3, axis=1, keepdims=True) / m
    dA2 = W3.T @ dZ3 * D2 * keep_prob
    dZ2 = dA2 * (A2 > 0)
    dW2 = dZ2 @ A1.T / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dA1 = W2.T @ dZ2 * D1 * keep_prob
    dZ1 = dA1 * (A1 > 0)
    dW1 = dZ1 @ X.T / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    return {'dZ3': dZ3, 'dW3': dW3, 'db3': db3, 'dA2': dA2, 'dZ2': dZ2,
            'dW2': dW2, 'db2': db2, 'dA1': dA1, 'dZ1': dZ1, 'dW1': dW1,
            'db1': db1}


@mutants('backward_propagation_with_dropout', 'dA2 is not masked and '
         'scaled: apply D2 / keep_prob to dA2 too')
def backward_propagation_with_dropout(X, Y, cache, keep_prob):  # noqa
    m = X.shape[1]
    (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3) = cache
    dZ3 = A3 - Y
    dW3 = dZ3 @ A2.T / m
    db3 = np.sum(dZ3, axis=1, keepdims=True) / m
    dA2 = W3.T @ dZ3
    dZ2 = dA2 * (A2 > 0)
    dW2 = dZ2 @ A1.T / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dA1 = W2.T @ dZ2 * D1 / keep_prob
    dZ1 = dA1 * (A1 > 0)
    dW1 = dZ1 @ X.T / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    return {'dZ3': dZ3, 'dW3': dW3, 'db3': db3, 'dA2': dA2, 'dZ2': dZ2,
            'dW2': dW2, 'db2': db2, 'dA1': dA1, 'dZ1': dZ1, 'dW1': dW1,
            'db1': db1}
