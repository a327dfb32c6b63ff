"""Realistic learner bugs for C2_W1A1; each must lose points."""
import numpy as np

from ..checking import Mutants

mutants = Mutants()


@mutants('initialize_parameters_zeros', 'W_l is transposed: its shape is '
         '(layers_dims[l], layers_dims[l-1])', public=True)
def initialize_parameters_zeros(layers_dims):
    parameters = {}
    for l in range(1, len(layers_dims)):
        parameters[f'W{l}'] = np.zeros((layers_dims[l - 1], layers_dims[l]))
        parameters[f'b{l}'] = np.zeros((layers_dims[l], 1))
    return parameters


@mutants('initialize_parameters_zeros', 'the loop stops one layer early: '
         'use range(1, len(layers_dims))')
def initialize_parameters_zeros(layers_dims):  # noqa: F811
    parameters = {}
    for l in range(1, len(layers_dims) - 1):
        parameters[f'W{l}'] = np.zeros((layers_dims[l], layers_dims[l - 1]))
        parameters[f'b{l}'] = np.zeros((layers_dims[l], 1))
    return parameters


@mutants('initialize_parameters_zeros', 'b_l is a 1-D array; use '
         'np.zeros((layers_dims[l], 1))')
def initialize_parameters_zeros(layers_dims):  # noqa: F811
    parameters = {}
    for l in range(1, len(layers_dims)):
        parameters[f'W{l}'] = np.zeros((layers_dims[l], layers_dims[l - 1]))
        parameters[f'b{l}'] = np.zeros(layers_dims[l])
    return parameters


@mutants('initialize_parameters_zeros', 'W_l is random; this exercise '
         'starts every weight at zero')
def initialize_parameters_zeros(layers_dims):  # noqa: F811
    parameters = {}
    for l in range(1, len(layers_dims)):
        parameters[f'W{l}'] = np.random.randn(layers_dims[l],
                                              layers_dims[l - 1]) * 0.01
        parameters[f'b{l}'] = np.zeros((layers_dims[l], 1))
    return parameters


@mutants('initialize_parameters_random', 'np.random.rand is uniform on '
         '[0, 1); use np.random.randn', public=True)
def initialize_parameters_random(layers_dims):
    np.random.seed(3)
    parameters = {}
    for l in range(1, len(layers_dims)):
        parameters[f'W{l}'] = np.random.rand(layers_dims[l],
                                             layers_dims[l - 1]) * 10
        parameters[f'b{l}'] = np.zeros((layers_dims[l], 1))
    return parameters


@mutants('initialize_parameters_random', 'scaled by 0.01 instead of 10')
def initialize_parameters_random(layers_dims):  # noqa: F811
    np.random.seed(3)
    parameters = {}
    for l in range(1, len(layers_dims)):
        parameters[f'W{l}'] = np.random.randn(layers_dims[l],
                                              layers_dims[l - 1]) * 0.01
        parameters[f'b{l}'] = np.zeros((layers_dims[l], 1))
    return parameters


@mutants('initialize_parameters_random', 'b_l is random too; biases start '
         'at zero')
def initialize_parameters_random(layers_dims):  # noqa: F811
    np.random.seed(3)
    parameters = {}
    for l in range(1, len(layers_dims)):
        parameters[f'W{l}'] = np.random.randn(layers_dims[l],
                                              layers_dims[l - 1]) * 10
        parameters[f'b{l}'] = np.random.randn(layers_dims[l], 1) * 10
    return parameters


@mutants('initialize_parameters_random', 'W_l is transposed: its shape is '
         '(layers_dims[l], layers_dims[l-1])')
def initialize_parameters_random(layers_dims):  # noqa: F811
    np.random.seed(3)
    parameters = {}
    for l in range(1, len(layers_dims)):
        parameters[f'W{l}'] = np.random.randn(layers_dims[l - 1],
                                              layers_dims[l]) * 10
        parameters[f'b{l}'] = np.zeros((layers_dims[l], 1))
    return parameters


@mutants('initialize_parameters_random', 'no np.random.seed(3): two runs '
         'give different weights')
def initialize_parameters_random(layers_dims):  # noqa: F811
    parameters = {}
    for l in range(1, len(layers_dims)):
        parameters[f'W{l}'] = np.random.randn(layers_dims[l],
                                              layers_dims[l - 1]) * 10
        parameters[f'b{l}'] = np.zeros((layers_dims[l], 1))
    return parameters


@mutants('initialize_parameters_he', 'used sqrt(1 / n_{l-1}) (Xavier); He '
         'is sqrt(2 / n_{l-1})', public=True)
def initialize_parameters_he(layers_dims):
    np.random.seed(3)
    parameters = {}
    for l in range(1, len(layers_dims)):
        parameters[f'W{l}'] = (np.random.randn(layers_dims[l],
                                               layers_dims[l - 1])
                               * np.sqrt(1 / layers_dims[l - 1]))
        parameters[f'b{l}'] = np.zeros((layers_dims[l], 1))
    return parameters


@mutants('initialize_parameters_he', 'the scale uses layers_dims[l]; He '
         'uses the previous layer\'s size layers_dims[l-1]')
def initialize_parameters_he(layers_dims):  # noqa: F811
    np.random.seed(3)
    parameters = {}
    for l in range(1, len(layers_dims)):
        parameters[f'W{l}'] = (np.random.randn(layers_dims[l],
                                               layers_dims[l - 1])
                               * np.sqrt(2 / layers_dims[l]))
        parameters[f'b{l}'] = np.zeros((layers_dims[l], 1))
    return parameters


@mutants('initialize_parameters_he', 'divided by sqrt(2 / n_{l-1}) instead '
         'of multiplying')
def initialize_parameters_he(layers_dims):  # noqa: F811
    np.random.seed(3)
    parameters = {}
    for l in range(1, len(layers_dims)):
        parameters[f'W{l}'] = (np.random.randn(layers_dims[l],
                                               layers_dims[l - 1])
                               / np.sqrt(2 / layers_dims[l - 1]))
        parameters[f'b{l}'] = np.zeros((layers_dims[l], 1))
    return parameters


@mutants('initialize_parameters_he', 'used 2 / n_{l-1} without the square '
         'root')
def initialize_parameters_he(layers_dims):  # noqa: F811
    np.random.seed(3)
    parameters = {}
    for l in range(1, len(layers_dims)):
        parameters[f'W{l}'] = (np.random.randn(layers_dims[l],
                                               layers_dims[l - 1])
                               * 2 / layers_dims[l - 1])
        parameters[f'b{l}'] = np.zeros((layers_dims[l], 1))
    return parameters
