"""Realistic learner bugs for C2_W1A3; each must lose points.

Mutants may call the notebook's other graded functions and the provided
helpers of shared_utils.gc_utils (they run beside the references).
"""
import numpy as np

from shared_utils.gc_utils import (dictionary_to_vector,
                                   forward_propagation_n,
                                   gradients_to_vector, vector_to_dictionary)

from ..checking import Mutants

mutants = Mutants()
forward_propagation = backward_propagation = None
gradient_check = gradient_check_n = None


@mutants('forward_propagation', 'J is theta * x, not theta + x',
         public=True)
def forward_propagation(x, theta):  # noqa: F811
    return theta + x


@mutants('forward_propagation', 'J is theta * x, not theta ** x')
def forward_propagation(x, theta):  # noqa: F811
    return theta ** x


@mutants('forward_propagation', 'return theta * x, not theta alone')
def forward_propagation(x, theta):  # noqa: F811
    return theta


@mutants('backward_propagation', 'the derivative of theta * x with respect '
         'to theta is x, not theta', public=True)
def backward_propagation(x, theta):  # noqa: F811
    return theta


@mutants('backward_propagation', 'the derivative is x, not theta * x (that '
         'is J itself)')
def backward_propagation(x, theta):  # noqa: F811
    return theta * x


@mutants('backward_propagation', 'the derivative is x, not 1')
def backward_propagation(x, theta):  # noqa: F811
    return 1.0


@mutants('gradient_check', 'divide J_plus - J_minus by 2 * epsilon, not by '
         'epsilon', public=True)
def gradient_check(x, theta, epsilon=1e-7, print_msg=False):  # noqa: F811
    J_plus = forward_propagation(x, theta + epsilon)
    J_minus = forward_propagation(x, theta - epsilon)
    gradapprox = (J_plus - J_minus) / epsilon
    grad = backward_propagation(x, theta)
    return np.linalg.norm(grad - gradapprox) / (np.linalg.norm(grad)
                                                + np.linalg.norm(gradapprox))


@mutants('gradient_check', 'sign error: gradapprox is (J_plus - J_minus) / '
         '(2 * epsilon)')
def gradient_check(x, theta, epsilon=1e-7, print_msg=False):  # noqa: F811
    J_plus = forward_propagation(x, theta + epsilon)
    J_minus = forward_propagation(x, theta - epsilon)
    gradapprox = (J_minus - J_plus) / (2 * epsilon)
    grad = backward_propagation(x, theta)
    return np.linalg.norm(grad - gradapprox) / (np.linalg.norm(grad)
                                                + np.linalg.norm(gradapprox))


@mutants('gradient_check', 'returned True/False; return the difference '
         'itself')
def gradient_check(x, theta, epsilon=1e-7, print_msg=False):  # noqa: F811
    J_plus = forward_propagation(x, theta + epsilon)
    J_minus = forward_propagation(x, theta - epsilon)
    gradapprox = (J_plus - J_minus) / (2 * epsilon)
    grad = backward_propagation(x, theta)
    difference = np.linalg.norm(grad - gradapprox) / (
        np.linalg.norm(grad) + np.linalg.norm(gradapprox))
    return bool(difference < 2e-7)


@mutants('gradient_check', 'J_plus + J_minus: the quotient needs the '
         'difference J_plus - J_minus')
def gradient_check(x, theta, epsilon=1e-7, print_msg=False):  # noqa: F811
    J_plus = forward_propagation(x, theta + epsilon)
    J_minus = forward_propagation(x, theta - epsilon)
    gradapprox = (J_plus + J_minus) / (2 * epsilon)
    grad = backward_propagation(x, theta)
    return np.linalg.norm(grad - gradapprox) / (np.linalg.norm(grad)
                                                + np.linalg.norm(gradapprox))


@mutants('gradient_check_n', 'divide J_plus[i] - J_minus[i] by 2 * '
         'epsilon, not by epsilon', public=True)
def gradient_check_n(parameters, gradients, X, Y, epsilon=1e-7,
                     print_msg=False):  # noqa: F811
    values, _ = dictionary_to_vector(parameters)
    grad = gradients_to_vector(gradients)
    approx = np.zeros_like(values)
    for i in range(values.shape[0]):
        plus = np.copy(values)
        plus[i] += epsilon
        minus = np.copy(values)
        minus[i] -= epsilon
        J_plus, _ = forward_propagation_n(X, Y, vector_to_dictionary(plus))
        J_minus, _ = forward_propagation_n(X, Y, vector_to_dictionary(minus))
        approx[i] = (J_plus - J_minus) / epsilon
    return np.linalg.norm(grad - approx) / (np.linalg.norm(grad)
                                            + np.linalg.norm(approx))


@mutants('gradient_check_n', 'the difference must be relative: divide by '
         '||grad|| + ||gradapprox||')
def gradient_check_n(parameters, gradients, X, Y, epsilon=1e-7,
                     print_msg=False):  # noqa: F811
    values, _ = dictionary_to_vector(parameters)
    grad = gradients_to_vector(gradients)
    approx = np.zeros_like(values)
    for i in range(values.shape[0]):
        plus = np.copy(values)
        plus[i] += epsilon
        minus = np.copy(values)
        minus[i] -= epsilon
        J_plus, _ = forward_propagation_n(X, Y, vector_to_dictionary(plus))
        J_minus, _ = forward_propagation_n(X, Y, vector_to_dictionary(minus))
        approx[i] = (J_plus - J_minus) / (2 * epsilon)
    return np.linalg.norm(grad - approx)


@mutants('gradient_check_n', 'theta_plus and theta_minus are the same '
         'array: make each a fresh np.copy of the parameter vector')
def gradient_check_n(parameters, gradients, X, Y, epsilon=1e-7,
                     print_msg=False):  # noqa: F811
    values, _ = dictionary_to_vector(parameters)
    grad = gradients_to_vector(gradients)
    approx = np.zeros_like(values)
    for i in range(values.shape[0]):
        theta = np.copy(values)
        theta_plus = theta
        theta_plus[i] += epsilon
        J_plus, _ = forward_propagation_n(X, Y,
                                          vector_to_dictionary(theta_plus))
        theta_minus = theta
        theta_minus[i] -= epsilon
        J_minus, _ = forward_propagation_n(X, Y,
                                           vector_to_dictionary(theta_minus))
        approx[i] = (J_plus - J_minus) / (2 * epsilon)
    return np.linalg.norm(grad - approx) / (np.linalg.norm(grad)
                                            + np.linalg.norm(approx))


@mutants('gradient_check_n', 'one-sided quotient (J_plus - J) / epsilon; '
         'use the two-sided (J_plus - J_minus) / (2 * epsilon)')
def gradient_check_n(parameters, gradients, X, Y, epsilon=1e-7,
                     print_msg=False):  # noqa: F811
    values, _ = dictionary_to_vector(parameters)
    grad = gradients_to_vector(gradients)
    J, _ = forward_propagation_n(X, Y, parameters)
    approx = np.zeros_like(values)
    for i in range(values.shape[0]):
        plus = np.copy(values)
        plus[i] += epsilon
        J_plus, _ = forward_propagation_n(X, Y, vector_to_dictionary(plus))
        approx[i] = (J_plus - J) / epsilon
    return np.linalg.norm(grad - approx) / (np.linalg.norm(grad)
                                            + np.linalg.norm(approx))


@mutants('gradient_check_n', 'the epsilon argument is ignored (a fixed '
         '1e-7 is used)')
def gradient_check_n(parameters, gradients, X, Y, epsilon=1e-7,
                     print_msg=False):  # noqa: F811
    values, _ = dictionary_to_vector(parameters)
    grad = gradients_to_vector(gradients)
    approx = np.zeros_like(values)
    for i in range(values.shape[0]):
        plus = np.copy(values)
        plus[i] += 1e-7
        minus = np.copy(values)
        minus[i] -= 1e-7
        J_plus, _ = forward_propagation_n(X, Y, vector_to_dictionary(plus))
        J_minus, _ = forward_propagation_n(X, Y, vector_to_dictionary(minus))
        approx[i] = (J_plus - J_minus) / (2 * 1e-7)
    return np.linalg.norm(grad - approx) / (np.linalg.norm(grad)
                                            + np.linalg.norm(approx))


@mutants('gradient_check_n', 'the denominator is ||grad|| + ||gradapprox||, '
         'not ||grad + gradapprox||')
def gradient_check_n(parameters, gradients, X, Y, epsilon=1e-7,
                     print_msg=False):  # noqa: F811
    values, _ = dictionary_to_vector(parameters)
    grad = gradients_to_vector(gradients)
    approx = np.zeros_like(values)
    for i in range(values.shape[0]):
        plus = np.copy(values)
        plus[i] += epsilon
        minus = np.copy(values)
        minus[i] -= epsilon
        J_plus, _ = forward_propagation_n(X, Y, vector_to_dictionary(plus))
        J_minus, _ = forward_propagation_n(X, Y, vector_to_dictionary(minus))
        approx[i] = (J_plus - J_minus) / (2 * epsilon)
    return np.linalg.norm(grad - approx) / np.linalg.norm(grad + approx)
