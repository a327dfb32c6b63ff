"""Realistic learner bugs for C2_W2A1; each must lose points.

Mutants may call the notebook's other graded functions (they run beside
the references for those).
"""
import math

import numpy as np

from ..checking import Mutants

mutants = Mutants()
update_parameters_with_gd = random_mini_batches = None
initialize_velocity = update_parameters_with_momentum = None
initialize_adam = update_parameters_with_adam = None
update_lr = schedule_lr_decay = None


# ------------------------------------------------------------ gradient descent

@mutants('update_parameters_with_gd', 'the update has the wrong sign: W = W '
         '- learning_rate * dW', public=True)
def update_parameters_with_gd(parameters, grads, learning_rate):  # noqa
    L = len(parameters) // 2
    for l in range(1, L + 1):
        parameters[f'W{l}'] = parameters[f'W{l}'] + learning_rate * \
            grads[f'dW{l}']
        parameters[f'b{l}'] = parameters[f'b{l}'] + learning_rate * \
            grads[f'db{l}']
    return parameters


@mutants('update_parameters_with_gd', 'the last layer is skipped: loop '
         'over range(1, L + 1)')
def update_parameters_with_gd(parameters, grads, learning_rate):  # noqa
    L = len(parameters) // 2
    for l in range(1, L):
        parameters[f'W{l}'] = parameters[f'W{l}'] - learning_rate * \
            grads[f'dW{l}']
        parameters[f'b{l}'] = parameters[f'b{l}'] - learning_rate * \
            grads[f'db{l}']
    return parameters


@mutants('update_parameters_with_gd', 'the biases b are never updated')
def update_parameters_with_gd(parameters, grads, learning_rate):  # noqa
    L = len(parameters) // 2
    for l in range(1, L + 1):
        parameters[f'W{l}'] = parameters[f'W{l}'] - learning_rate * \
            grads[f'dW{l}']
    return parameters


@mutants('update_parameters_with_gd', 'L counts layers: it is '
         'len(parameters) // 2, not len(parameters)')
def update_parameters_with_gd(parameters, grads, learning_rate):  # noqa
    L = len(parameters)
    for l in range(1, L + 1):
        parameters[f'W{l}'] = parameters[f'W{l}'] - learning_rate * \
            grads[f'dW{l}']
        parameters[f'b{l}'] = parameters[f'b{l}'] - learning_rate * \
            grads[f'db{l}']
    return parameters


# ---------------------------------------------------------------- mini-batches

@mutants('random_mini_batches', 'the last, smaller batch is missing',
         public=True)
def random_mini_batches(X, Y, mini_batch_size=64, seed=0):  # noqa
    np.random.seed(seed)
    m = X.shape[1]
    perm = list(np.random.permutation(m))
    sX, sY = X[:, perm], Y[:, perm].reshape((1, m))
    return [(sX[:, k * mini_batch_size:(k + 1) * mini_batch_size],
             sY[:, k * mini_batch_size:(k + 1) * mini_batch_size])
            for k in range(math.floor(m / mini_batch_size))]


@mutants('random_mini_batches', 'X and Y were shuffled with different '
         'permutations, so labels no longer match their examples')
def random_mini_batches(X, Y, mini_batch_size=64, seed=0):  # noqa
    np.random.seed(seed)
    m = X.shape[1]
    sX = X[:, np.random.permutation(m)]
    sY = Y[:, np.random.permutation(m)].reshape((1, m))
    out = []
    for k in range(m // mini_batch_size):
        out.append((sX[:, k * mini_batch_size:(k + 1) * mini_batch_size],
                    sY[:, k * mini_batch_size:(k + 1) * mini_batch_size]))
    if m % mini_batch_size:
        start = m // mini_batch_size * mini_batch_size
        out.append((sX[:, start:], sY[:, start:]))
    return out


@mutants('random_mini_batches', 'the examples are never shuffled')
def random_mini_batches(X, Y, mini_batch_size=64, seed=0):  # noqa
    m = X.shape[1]
    out = []
    for k in range(m // mini_batch_size):
        out.append((X[:, k * mini_batch_size:(k + 1) * mini_batch_size],
                    Y[:, k * mini_batch_size:(k + 1) * mini_batch_size]))
    if m % mini_batch_size:
        start = m // mini_batch_size * mini_batch_size
        out.append((X[:, start:], Y[:, start:]))
    return out


@mutants('random_mini_batches', 'math.ceil counts the partial batch among '
         'the full ones, and then it is appended a second time')
def random_mini_batches(X, Y, mini_batch_size=64, seed=0):  # noqa
    np.random.seed(seed)
    m = X.shape[1]
    perm = list(np.random.permutation(m))
    sX, sY = X[:, perm], Y[:, perm].reshape((1, m))
    n = math.ceil(m / mini_batch_size)
    out = [(sX[:, k * mini_batch_size:(k + 1) * mini_batch_size],
            sY[:, k * mini_batch_size:(k + 1) * mini_batch_size])
           for k in range(n)]
    if m % mini_batch_size:
        out.append((sX[:, n * mini_batch_size - m % mini_batch_size:],
                    sY[:, n * mini_batch_size - m % mini_batch_size:]))
    return out


@mutants('random_mini_batches', 'the seed argument is ignored')
def random_mini_batches(X, Y, mini_batch_size=64, seed=0):  # noqa
    np.random.seed(0)
    m = X.shape[1]
    perm = list(np.random.permutation(m))
    sX, sY = X[:, perm], Y[:, perm].reshape((1, m))
    out = []
    for k in range(m // mini_batch_size):
        out.append((sX[:, k * mini_batch_size:(k + 1) * mini_batch_size],
                    sY[:, k * mini_batch_size:(k + 1) * mini_batch_size]))
    if m % mini_batch_size:
        start = m // mini_batch_size * mini_batch_size
        out.append((sX[:, start:], sY[:, start:]))
    return out


@mutants('random_mini_batches', 'the last batch restarts at column '
         'mini_batch_size instead of after the last full batch')
def random_mini_batches(X, Y, mini_batch_size=64, seed=0):  # noqa
    np.random.seed(seed)
    m = X.shape[1]
    perm = list(np.random.permutation(m))
    sX, sY = X[:, perm], Y[:, perm].reshape((1, m))
    out = []
    for k in range(m // mini_batch_size):
        out.append((sX[:, k * mini_batch_size:(k + 1) * mini_batch_size],
                    sY[:, k * mini_batch_size:(k + 1) * mini_batch_size]))
    if m % mini_batch_size:
        end = mini_batch_size + m % mini_batch_size
        out.append((sX[:, mini_batch_size:end], sY[:, mini_batch_size:end]))
    return out


# -------------------------------------------------------------------- momentum

@mutants('initialize_velocity', "the keys need a d: 'dW1', 'db1', ...",
         public=True)
def initialize_velocity(parameters):  # noqa
    return {k: np.zeros_like(p) for k, p in parameters.items()}


@mutants('initialize_velocity', 'the b entries are missing')
def initialize_velocity(parameters):  # noqa
    L = len(parameters) // 2
    return {f'dW{l}': np.zeros_like(parameters[f'W{l}'])
            for l in range(1, L + 1)}


@mutants('initialize_velocity', 'the last layer is missing: loop over '
         'range(1, L + 1)')
def initialize_velocity(parameters):  # noqa
    L = len(parameters) // 2
    v = {}
    for l in range(1, L):
        v[f'dW{l}'] = np.zeros_like(parameters[f'W{l}'])
        v[f'db{l}'] = np.zeros_like(parameters[f'b{l}'])
    return v


@mutants('initialize_velocity', 'the zeros must have the shape of the '
         'parameter (np.zeros_like), not one entry per row')
def initialize_velocity(parameters):  # noqa
    L = len(parameters) // 2
    v = {}
    for l in range(1, L + 1):
        v[f'dW{l}'] = np.zeros((parameters[f'W{l}'].shape[0], 1))
        v[f'db{l}'] = np.zeros((parameters[f'b{l}'].shape[0], 1))
    return v


@mutants('update_parameters_with_momentum', 'the gradient is weighted by '
         '(1 - beta): v = beta * v + (1 - beta) * dW', public=True)
def update_parameters_with_momentum(parameters, grads, v, beta,
                                    learning_rate):  # noqa
    L = len(parameters) // 2
    for l in range(1, L + 1):
        for p in ('W', 'b'):
            v[f'd{p}{l}'] = beta * v[f'd{p}{l}'] + grads[f'd{p}{l}']
            parameters[f'{p}{l}'] = parameters[f'{p}{l}'] - \
                learning_rate * v[f'd{p}{l}']
    return parameters, v


@mutants('update_parameters_with_momentum', 'step along the velocity v, '
         'not the raw gradient')
def update_parameters_with_momentum(parameters, grads, v, beta,
                                    learning_rate):  # noqa
    L = len(parameters) // 2
    for l in range(1, L + 1):
        for p in ('W', 'b'):
            v[f'd{p}{l}'] = beta * v[f'd{p}{l}'] + (1 - beta) * \
                grads[f'd{p}{l}']
            parameters[f'{p}{l}'] = parameters[f'{p}{l}'] - \
                learning_rate * grads[f'd{p}{l}']
    return parameters, v


@mutants('update_parameters_with_momentum', 'beta and 1 - beta are '
         'swapped: v = beta * v + (1 - beta) * dW')
def update_parameters_with_momentum(parameters, grads, v, beta,
                                    learning_rate):  # noqa
    L = len(parameters) // 2
    for l in range(1, L + 1):
        for p in ('W', 'b'):
            v[f'd{p}{l}'] = (1 - beta) * v[f'd{p}{l}'] + beta * \
                grads[f'd{p}{l}']
            parameters[f'{p}{l}'] = parameters[f'{p}{l}'] - \
                learning_rate * v[f'd{p}{l}']
    return parameters, v


@mutants('update_parameters_with_momentum', 'the parameters were updated '
         'with the old velocity: update v first, then step')
def update_parameters_with_momentum(parameters, grads, v, beta,
                                    learning_rate):  # noqa
    L = len(parameters) // 2
    for l in range(1, L + 1):
        for p in ('W', 'b'):
            parameters[f'{p}{l}'] = parameters[f'{p}{l}'] - \
                learning_rate * v[f'd{p}{l}']
            v[f'd{p}{l}'] = beta * v[f'd{p}{l}'] + (1 - beta) * \
                grads[f'd{p}{l}']
    return parameters, v


# ------------------------------------------------------------------------ Adam

@mutants('initialize_adam', "the keys need a d: 'dW1', 'db1', ...",
         public=True)
def initialize_adam(parameters):  # noqa
    v = {k: np.zeros_like(p) for k, p in parameters.items()}
    s = {k: np.zeros_like(p) for k, p in parameters.items()}
    return v, s


@mutants('initialize_adam', 'the b entries are missing')
def initialize_adam(parameters):  # noqa
    L = len(parameters) // 2
    v = {f'dW{l}': np.zeros_like(parameters[f'W{l}'])
         for l in range(1, L + 1)}
    s = {f'dW{l}': np.zeros_like(parameters[f'W{l}'])
         for l in range(1, L + 1)}
    return v, s


@mutants('initialize_adam', 'the last layer is missing: loop over '
         'range(1, L + 1)')
def initialize_adam(parameters):  # noqa
    L = len(parameters) // 2
    v, s = {}, {}
    for l in range(1, L):
        for p in ('W', 'b'):
            v[f'd{p}{l}'] = np.zeros_like(parameters[f'{p}{l}'])
            s[f'd{p}{l}'] = np.zeros_like(parameters[f'{p}{l}'])
    return v, s


@mutants('update_parameters_with_adam', 'no bias correction: divide v by '
         '(1 - beta1 ** t) and s by (1 - beta2 ** t)', public=True)
def update_parameters_with_adam(parameters, grads, v, s, t,
                                learning_rate=0.01, beta1=0.9, beta2=0.999,
                                epsilon=1e-8):  # noqa
    L = len(parameters) // 2
    v_c, s_c = {}, {}
    for l in range(1, L + 1):
        for p in ('W', 'b'):
            k = f'd{p}{l}'
            v[k] = beta1 * v[k] + (1 - beta1) * grads[k]
            s[k] = beta2 * s[k] + (1 - beta2) * grads[k] ** 2
            v_c[k], s_c[k] = v[k], s[k]
            parameters[f'{p}{l}'] = parameters[f'{p}{l}'] - \
                learning_rate * v_c[k] / (np.sqrt(s_c[k]) + epsilon)
    return parameters, v, s, v_c, s_c


@mutants('update_parameters_with_adam', 'the correction uses beta ** t, '
         'not beta: 1 - beta1 ** t')
def update_parameters_with_adam(parameters, grads, v, s, t,
                                learning_rate=0.01, beta1=0.9, beta2=0.999,
                                epsilon=1e-8):  # noqa
    L = len(parameters) // 2
    v_c, s_c = {}, {}
    for l in range(1, L + 1):
        for p in ('W', 'b'):
            k = f'd{p}{l}'
            v[k] = beta1 * v[k] + (1 - beta1) * grads[k]
            s[k] = beta2 * s[k] + (1 - beta2) * grads[k] ** 2
            v_c[k] = v[k] / (1 - beta1)
            s_c[k] = s[k] / (1 - beta2)
            parameters[f'{p}{l}'] = parameters[f'{p}{l}'] - \
                learning_rate * v_c[k] / (np.sqrt(s_c[k]) + epsilon)
    return parameters, v, s, v_c, s_c


@mutants('update_parameters_with_adam', 's averages the SQUARED gradients: '
         '(1 - beta2) * dW ** 2')
def update_parameters_with_adam(parameters, grads, v, s, t,
                                learning_rate=0.01, beta1=0.9, beta2=0.999,
                                epsilon=1e-8):  # noqa
    L = len(parameters) // 2
    v_c, s_c = {}, {}
    for l in range(1, L + 1):
        for p in ('W', 'b'):
            k = f'd{p}{l}'
            v[k] = beta1 * v[k] + (1 - beta1) * grads[k]
            s[k] = beta2 * s[k] + (1 - beta2) * grads[k]
            v_c[k] = v[k] / (1 - beta1 ** t)
            s_c[k] = s[k] / (1 - beta2 ** t)
            parameters[f'{p}{l}'] = parameters[f'{p}{l}'] - \
                learning_rate * v_c[k] / (np.sqrt(np.abs(s_c[k])) + epsilon)
    return parameters, v, s, v_c, s_c


@mutants('update_parameters_with_adam', 'epsilon goes outside the square '
         'root: sqrt(s_corrected) + epsilon')
def update_parameters_with_adam(parameters, grads, v, s, t,
                                learning_rate=0.01, beta1=0.9, beta2=0.999,
                                epsilon=1e-8):  # noqa
    L = len(parameters) // 2
    v_c, s_c = {}, {}
    for l in range(1, L + 1):
        for p in ('W', 'b'):
            k = f'd{p}{l}'
            v[k] = beta1 * v[k] + (1 - beta1) * grads[k]
            s[k] = beta2 * s[k] + (1 - beta2) * grads[k] ** 2
            v_c[k] = v[k] / (1 - beta1 ** t)
            s_c[k] = s[k] / (1 - beta2 ** t)
            parameters[f'{p}{l}'] = parameters[f'{p}{l}'] - \
                learning_rate * v_c[k] / np.sqrt(s_c[k] + epsilon)
    return parameters, v, s, v_c, s_c


@mutants('update_parameters_with_adam', 'the step uses the uncorrected v; '
         'use v_corrected / (sqrt(s_corrected) + epsilon)')
def update_parameters_with_adam(parameters, grads, v, s, t,
                                learning_rate=0.01, beta1=0.9, beta2=0.999,
                                epsilon=1e-8):  # noqa
    L = len(parameters) // 2
    v_c, s_c = {}, {}
    for l in range(1, L + 1):
        for p in ('W', 'b'):
            k = f'd{p}{l}'
            v[k] = beta1 * v[k] + (1 - beta1) * grads[k]
            s[k] = beta2 * s[k] + (1 - beta2) * grads[k] ** 2
            v_c[k] = v[k] / (1 - beta1 ** t)
            s_c[k] = s[k] / (1 - beta2 ** t)
            parameters[f'{p}{l}'] = parameters[f'{p}{l}'] - \
                learning_rate * v[k] / (np.sqrt(s_c[k]) + epsilon)
    return parameters, v, s, v_c, s_c


# ----------------------------------------------------------------------- decay

@mutants('update_lr', 'brackets: divide by (1 + decay_rate * epoch_num)',
         public=True)
def update_lr(learning_rate0, epoch_num, decay_rate):  # noqa
    return learning_rate0 / 1 + decay_rate * epoch_num


@mutants('update_lr', 'this is exponential decay; use learning_rate0 / '
         '(1 + decay_rate * epoch_num)')
def update_lr(learning_rate0, epoch_num, decay_rate):  # noqa
    return learning_rate0 * decay_rate ** epoch_num


@mutants('update_lr', 'epoch_num + 1: at epoch 0 the rate is '
         'learning_rate0')
def update_lr(learning_rate0, epoch_num, decay_rate):  # noqa
    return learning_rate0 / (1 + decay_rate * (epoch_num + 1))


@mutants('schedule_lr_decay', 'round down: floor(epoch_num / '
         'time_interval)', public=True)
def schedule_lr_decay(learning_rate0, epoch_num, decay_rate,
                      time_interval=1000):  # noqa
    return learning_rate0 / (1 + decay_rate * epoch_num / time_interval)


@mutants('schedule_lr_decay', 'use the time_interval argument, not a fixed '
         '1000')
def schedule_lr_decay(learning_rate0, epoch_num, decay_rate,
                      time_interval=1000):  # noqa
    return learning_rate0 / (1 + decay_rate * math.floor(epoch_num / 1000))


@mutants('schedule_lr_decay', 'round down with floor, not to the nearest '
         'integer')
def schedule_lr_decay(learning_rate0, epoch_num, decay_rate,
                      time_interval=1000):  # noqa
    return learning_rate0 / (1 + decay_rate * round(epoch_num /
                                                    time_interval))
