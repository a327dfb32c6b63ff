"""Realistic learner bugs for C1_W4A2; each must lose points.

Mutants use the building blocks of the imports cell
(shared_utils.nn_reference).
"""
import numpy as np

from ..checking import Mutants

mutants = Mutants()
initialize_parameters = initialize_parameters_deep = None
linear_activation_forward = linear_activation_backward = None
L_model_forward = L_model_backward = compute_cost = update_parameters = None


@mutants('two_layer_model', 'dA2 has the wrong sign, so the cost goes up: '
         'dA2 = -(Y / A2 - (1 - Y) / (1 - A2))', public=True)
def two_layer_model(X, Y, layers_dims, learning_rate=0.0075,
                    num_iterations=3000, print_cost=False):
    np.random.seed(1)
    parameters = initialize_parameters(*layers_dims)
    costs = []
    for i in range(num_iterations):
        A1, c1 = linear_activation_forward(X, parameters['W1'],
                                           parameters['b1'], 'relu')
        A2, c2 = linear_activation_forward(A1, parameters['W2'],
                                           parameters['b2'], 'sigmoid')
        cost = compute_cost(A2, Y)
        dA2 = Y / A2 - (1 - Y) / (1 - A2)
        dA1, dW2, db2 = linear_activation_backward(dA2, c2, 'sigmoid')
        _, dW1, db1 = linear_activation_backward(dA1, c1, 'relu')
        parameters = update_parameters(parameters, {
            'dW1': dW1, 'db1': db1, 'dW2': dW2, 'db2': db2}, learning_rate)
        if i % 100 == 0:
            costs.append(cost)
    return parameters, costs


@mutants('two_layer_model', 'learning_rate is not passed on: the default '
         '0.0075 was used')
def two_layer_model(X, Y, layers_dims, learning_rate=0.0075,
                    num_iterations=3000, print_cost=False):  # noqa: F811
    np.random.seed(1)
    parameters = initialize_parameters(*layers_dims)
    costs = []
    for i in range(num_iterations):
        A1, c1 = linear_activation_forward(X, parameters['W1'],
                                           parameters['b1'], 'relu')
        A2, c2 = linear_activation_forward(A1, parameters['W2'],
                                           parameters['b2'], 'sigmoid')
        cost = compute_cost(A2, Y)
        dA2 = -(Y / A2 - (1 - Y) / (1 - A2))
        dA1, dW2, db2 = linear_activation_backward(dA2, c2, 'sigmoid')
        _, dW1, db1 = linear_activation_backward(dA1, c1, 'relu')
        parameters = update_parameters(parameters, {
            'dW1': dW1, 'db1': db1, 'dW2': dW2, 'db2': db2}, 0.0075)
        if i % 100 == 0:
            costs.append(cost)
    return parameters, costs


@mutants('two_layer_model', 'the hidden layer used sigmoid; it is relu')
def two_layer_model(X, Y, layers_dims, learning_rate=0.0075,
                    num_iterations=3000, print_cost=False):  # noqa: F811
    np.random.seed(1)
    parameters = initialize_parameters(*layers_dims)
    costs = []
    for i in range(num_iterations):
        A1, c1 = linear_activation_forward(X, parameters['W1'],
                                           parameters['b1'], 'sigmoid')
        A2, c2 = linear_activation_forward(A1, parameters['W2'],
                                           parameters['b2'], 'sigmoid')
        cost = compute_cost(A2, Y)
        dA2 = -(Y / A2 - (1 - Y) / (1 - A2))
        dA1, dW2, db2 = linear_activation_backward(dA2, c2, 'sigmoid')
        _, dW1, db1 = linear_activation_backward(dA1, c1, 'sigmoid')
        parameters = update_parameters(parameters, {
            'dW1': dW1, 'db1': db1, 'dW2': dW2, 'db2': db2}, learning_rate)
        if i % 100 == 0:
            costs.append(cost)
    return parameters, costs


@mutants('two_layer_model', 'no np.random.seed(1) before initialising')
def two_layer_model(X, Y, layers_dims, learning_rate=0.0075,
                    num_iterations=3000, print_cost=False):  # noqa: F811
    parameters = initialize_parameters(*layers_dims)
    costs = []
    for i in range(num_iterations):
        A1, c1 = linear_activation_forward(X, parameters['W1'],
                                           parameters['b1'], 'relu')
        A2, c2 = linear_activation_forward(A1, parameters['W2'],
                                           parameters['b2'], 'sigmoid')
        cost = compute_cost(A2, Y)
        dA2 = -(Y / A2 - (1 - Y) / (1 - A2))
        dA1, dW2, db2 = linear_activation_backward(dA2, c2, 'sigmoid')
        _, dW1, db1 = linear_activation_backward(dA1, c1, 'relu')
        parameters = update_parameters(parameters, {
            'dW1': dW1, 'db1': db1, 'dW2': dW2, 'db2': db2}, learning_rate)
        if i % 100 == 0:
            costs.append(cost)
    return parameters, costs


@mutants('two_layer_model', 'recorded the cost at every iteration; keep '
         'one every 100')
def two_layer_model(X, Y, layers_dims, learning_rate=0.0075,
                    num_iterations=3000, print_cost=False):  # noqa: F811
    np.random.seed(1)
    parameters = initialize_parameters(*layers_dims)
    costs = []
    for i in range(num_iterations):
        A1, c1 = linear_activation_forward(X, parameters['W1'],
                                           parameters['b1'], 'relu')
        A2, c2 = linear_activation_forward(A1, parameters['W2'],
                                           parameters['b2'], 'sigmoid')
        cost = compute_cost(A2, Y)
        dA2 = -(Y / A2 - (1 - Y) / (1 - A2))
        dA1, dW2, db2 = linear_activation_backward(dA2, c2, 'sigmoid')
        _, dW1, db1 = linear_activation_backward(dA1, c1, 'relu')
        parameters = update_parameters(parameters, {
            'dW1': dW1, 'db1': db1, 'dW2': dW2, 'db2': db2}, learning_rate)
        costs.append(cost)
    return parameters, costs


@mutants('L_layer_model', 'the parameters update_parameters returns are '
         'not kept, so nothing is learned', public=True)
def L_layer_model(X, Y, layers_dims, learning_rate=0.0075,
                  num_iterations=3000, print_cost=False):  # noqa: F811
    np.random.seed(1)
    parameters = initialize_parameters_deep(layers_dims)
    costs = []
    for i in range(num_iterations):
        AL, caches = L_model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        grads = L_model_backward(AL, Y, caches)
        update_parameters(parameters, grads, learning_rate)
        if i % 100 == 0:
            costs.append(cost)
    return parameters, costs


@mutants('L_layer_model', 'learning_rate is not passed on: the default '
         '0.0075 was used')
def L_layer_model(X, Y, layers_dims, learning_rate=0.0075,
                  num_iterations=3000, print_cost=False):  # noqa: F811
    np.random.seed(1)
    parameters = initialize_parameters_deep(layers_dims)
    costs = []
    for i in range(num_iterations):
        AL, caches = L_model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        grads = L_model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, 0.0075)
        if i % 100 == 0:
            costs.append(cost)
    return parameters, costs


@mutants('L_layer_model', 'no np.random.seed(1) before initialising')
def L_layer_model(X, Y, layers_dims, learning_rate=0.0075,
                  num_iterations=3000, print_cost=False):  # noqa: F811
    parameters = initialize_parameters_deep(layers_dims)
    costs = []
    for i in range(num_iterations):
        AL, caches = L_model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        grads = L_model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        if i % 100 == 0:
            costs.append(cost)
    return parameters, costs


@mutants('L_layer_model', 'recorded the cost of the iteration after the '
         'update (i % 100 == 1)')
def L_layer_model(X, Y, layers_dims, learning_rate=0.0075,
                  num_iterations=3000, print_cost=False):  # noqa: F811
    np.random.seed(1)
    parameters = initialize_parameters_deep(layers_dims)
    costs = []
    for i in range(num_iterations):
        AL, caches = L_model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        grads = L_model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        if i % 100 == 1:
            costs.append(cost)
    return parameters, costs


@mutants('L_layer_model', 'initialised with initialize_parameters_deep but '
         'seeded after it: seed first')
def L_layer_model(X, Y, layers_dims, learning_rate=0.0075,
                  num_iterations=3000, print_cost=False):  # noqa: F811
    parameters = initialize_parameters_deep(layers_dims)
    np.random.seed(1)
    costs = []
    for i in range(num_iterations):
        AL, caches = L_model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        grads = L_model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        if i % 100 == 0:
            costs.append(cost)
    return parameters, costs
