"""Correct solutions written differently from ours: each must score full."""
import numpy as np

from autograder.checking import Mutants

equivalents = Mutants()


@equivalents('initialize_parameters_zeros', 'a while loop and explicit '
             'float dtype')
def initialize_parameters_zeros(layers_dims):
    parameters, l = {}, 1
    while l < len(layers_dims):
        shape = (layers_dims[l], layers_dims[l - 1])
        parameters['W' + str(l)] = np.zeros(shape, dtype=np.float64)
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
        l += 1
    return parameters


@equivalents('initialize_parameters_zeros', 'zip over neighbouring sizes')
def initialize_parameters_zeros(layers_dims):  # noqa: F811
    parameters = {}
    pairs = zip(layers_dims[:-1], layers_dims[1:])
    for l, (n_prev, n) in enumerate(pairs, start=1):
        parameters[f'W{l}'] = np.zeros((n, n_prev))
        parameters[f'b{l}'] = np.zeros((n, 1))
    return parameters


@equivalents('initialize_parameters_random', 'np.random.normal with '
             'scale 10')
def initialize_parameters_random(layers_dims):
    np.random.seed(3)
    parameters = {}
    for l in range(1, len(layers_dims)):
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
        parameters['W' + str(l)] = np.random.normal(
            0.0, 10.0, size=(layers_dims[l], layers_dims[l - 1]))
    return parameters


@equivalents('initialize_parameters_random', 'a seeded Generator '
             '(another draw order)')
def initialize_parameters_random(layers_dims):  # noqa: F811
    rng = np.random.default_rng(3)
    parameters = {}
    for l in range(1, len(layers_dims)):
        n, n_prev = layers_dims[l], layers_dims[l - 1]
        parameters[f'W{l}'] = 10 * rng.standard_normal((n, n_prev))
        parameters[f'b{l}'] = np.zeros((n, 1))
    return parameters


@equivalents('initialize_parameters_he', 'sqrt(2) / sqrt(n) with '
             'standard_normal')
def initialize_parameters_he(layers_dims):
    np.random.seed(3)
    parameters = {}
    for l in range(1, len(layers_dims)):
        n, n_prev = layers_dims[l], layers_dims[l - 1]
        W = np.random.standard_normal((n, n_prev))
        parameters[f'W{l}'] = W * np.sqrt(2.0) / np.sqrt(n_prev)
        parameters[f'b{l}'] = np.zeros((n, 1))
    return parameters


@equivalents('initialize_parameters_he', 'a seeded Generator with '
             'scale = (2 / n) ** 0.5')
def initialize_parameters_he(layers_dims):  # noqa: F811
    rng = np.random.default_rng(seed=3)
    parameters = {}
    for l in range(1, len(layers_dims)):
        scale = (2 / layers_dims[l - 1]) ** 0.5
        parameters[f'W{l}'] = rng.normal(
            0, scale, size=(layers_dims[l], layers_dims[l - 1]))
        parameters[f'b{l}'] = np.zeros((layers_dims[l], 1))
    return parameters
