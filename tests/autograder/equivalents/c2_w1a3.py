"""Correct solutions written differently from ours: each must score full."""
import numpy as np

from autograder.checking import Mutants
from shared_utils.gc_utils import (dictionary_to_vector,
                                   forward_propagation_n,
                                   gradients_to_vector, vector_to_dictionary)

equivalents = Mutants()


@equivalents('forward_propagation', 'np.multiply, other order')
def forward_propagation(x, theta):
    return np.multiply(x, theta)


@equivalents('backward_propagation', 'a copy of x as a float')
def backward_propagation(x, theta):
    dtheta = x * 1.0
    return dtheta


@equivalents('gradient_check', 'abs instead of norms, shifted copies')
def gradient_check(x, theta, epsilon=1e-7, print_msg=False):
    thetas = (theta + epsilon, theta - epsilon)
    J_plus, J_minus = (forward_propagation(x, th) for th in thetas)
    approx = (J_plus - J_minus) / (2.0 * epsilon)
    grad = backward_propagation(x, theta)
    diff = np.abs(grad - approx) / (np.abs(grad) + np.abs(approx))
    if print_msg:
        print('ok' if diff < 2e-7 else 'mistake', diff)
    return np.float64(diff)


@equivalents('gradient_check_n', 'shift vector, list comprehension, '
             'np.sqrt of sums of squares')
def gradient_check_n(parameters, gradients, X, Y, epsilon=1e-7,
                     print_msg=False):
    values, _ = dictionary_to_vector(parameters)
    values = values.ravel()  # (n,)
    grad = gradients_to_vector(gradients).ravel()  # (n,)

    def cost(vector):
        return forward_propagation_n(X, Y, vector_to_dictionary(vector))[0]

    approx = []
    for i in range(values.size):
        shift = np.zeros_like(values)
        shift[i] = epsilon
        approx.append((cost(values + shift) - cost(values - shift))
                      / (2 * epsilon))
    approx = np.array(approx)

    def norm(v):
        return np.sqrt(np.sum(v ** 2))
    difference = norm(grad - approx) / (norm(grad) + norm(approx))
    if print_msg:
        print(f'difference = {difference}')
    return difference


@equivalents('gradient_check_n', 'the course-style loop over J_plus / '
             'J_minus arrays, float() result')
def gradient_check_n(parameters, gradients, X, Y, epsilon=1e-7,
                     print_msg=False):  # noqa: F811
    parameters_values, keys = dictionary_to_vector(parameters)
    grad = gradients_to_vector(gradients)
    n = len(keys)
    J_plus, J_minus, gradapprox = np.zeros(n), np.zeros(n), np.zeros((n, 1))
    for i in range(n):
        theta_plus = parameters_values.copy()
        theta_plus[i, 0] = theta_plus[i, 0] + epsilon
        J_plus[i] = forward_propagation_n(
            X, Y, vector_to_dictionary(theta_plus))[0]
        theta_minus = parameters_values.copy()
        theta_minus[i, 0] = theta_minus[i, 0] - epsilon
        J_minus[i] = forward_propagation_n(
            X, Y, vector_to_dictionary(theta_minus))[0]
        gradapprox[i, 0] = (J_plus[i] - J_minus[i]) / (2 * epsilon)
    numerator = np.linalg.norm(grad - gradapprox)
    denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)
    return float(numerator / denominator)
