"""Correct solutions written differently from ours: each must score full."""
import numpy as np

from autograder.checking import Mutants

equivalents = Mutants()
initialize_parameters = initialize_parameters_deep = None
linear_activation_forward = linear_activation_backward = None
L_model_forward = L_model_backward = compute_cost = update_parameters = None


@equivalents('two_layer_model', 'dZ2 = A2 - Y by hand, a while loop, '
             'float costs')
def two_layer_model(X, Y, layers_dims, learning_rate=0.0075,
                    num_iterations=3000, print_cost=False):
    np.random.seed(1)
    (n_x, n_h, n_y) = layers_dims
    params = initialize_parameters(n_x, n_h, n_y)
    m, costs, i = X.shape[1], [], 0
    while i < num_iterations:
        A1, cache1 = linear_activation_forward(X, params['W1'], params['b1'],
                                               activation='relu')
        A2, _cache2 = linear_activation_forward(A1, params['W2'],
                                                params['b2'], 'sigmoid')
        cost = float(compute_cost(A2, Y))
        dZ2 = A2 - Y
        dW2 = np.dot(dZ2, A1.T) / m
        db2 = np.sum(dZ2, axis=1, keepdims=True) / m
        dA1 = np.dot(params['W2'].T, dZ2)
        _, dW1, db1 = linear_activation_backward(dA1, cache1, 'relu')
        params = update_parameters(params, dict(dW1=dW1, db1=db1, dW2=dW2,
                                                db2=db2), learning_rate)
        if i % 100 == 0:
            costs.append(cost)
            if print_cost:
                print('Cost after iteration', i, cost)
        i += 1
    return params, costs


@equivalents('L_layer_model', 'keyword arguments, np.squeeze on the cost')
def L_layer_model(X, Y, layers_dims, learning_rate=0.0075,
                  num_iterations=3000, print_cost=False):
    np.random.seed(1)
    costs = []
    parameters = initialize_parameters_deep(layer_dims=layers_dims)
    for i in range(0, num_iterations):
        AL, caches = L_model_forward(X=X, parameters=parameters)
        cost = np.squeeze(compute_cost(AL, Y))
        grads = L_model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads,
                                       learning_rate=learning_rate)
        if print_cost and i % 100 == 0 or print_cost and \
                i == num_iterations - 1:
            print(f'Cost after iteration {i}: {cost}')
        if i % 100 == 0:
            costs.append(cost)
    return parameters, costs
