"""Correct solutions written differently from ours: each must score full."""
import numpy as np

from autograder.checking import Mutants

equivalents = Mutants()


@equivalents('update_parameters_with_gd', 'in-place -= on copies, keys '
             'found by name')
def update_parameters_with_gd(parameters, grads, learning_rate):
    new = {k: np.array(v, dtype=float) for k, v in parameters.items()}
    for key in new:
        new[key] -= learning_rate * grads['d' + key]
    return new


@equivalents('random_mini_batches', 'np.random.shuffle of an index array '
             'and np.array_split-free slicing in one loop')
def random_mini_batches(X, Y, mini_batch_size=64, seed=0):
    np.random.seed(seed)
    m = X.shape[1]
    idx = np.arange(m)
    np.random.shuffle(idx)
    batches = []
    for start in range(0, m, mini_batch_size):
        cols = idx[start:start + mini_batch_size]
        batches.append((X[:, cols], Y[:, cols].reshape(1, -1)))
    return batches


@equivalents('random_mini_batches', 'a new-style Generator permutation')
def random_mini_batches(X, Y, mini_batch_size=64, seed=0):  # noqa: F811
    m = X.shape[1]
    perm = np.random.default_rng(seed).permutation(m)
    sX, sY = X[:, perm], Y[:, perm]
    full = m // mini_batch_size
    out = [(sX[:, k * mini_batch_size:(k + 1) * mini_batch_size],
            sY[:, k * mini_batch_size:(k + 1) * mini_batch_size])
           for k in range(full)]
    if full * mini_batch_size < m:
        out.append((sX[:, full * mini_batch_size:],
                    sY[:, full * mini_batch_size:]))
    return out


@equivalents('initialize_velocity', 'np.zeros of the shape, dict '
             'comprehension')
def initialize_velocity(parameters):
    return {'d' + k: np.zeros(np.shape(v)) for k, v in parameters.items()}


@equivalents('update_parameters_with_momentum', 'new dicts, np.multiply')
def update_parameters_with_momentum(parameters, grads, v, beta,
                                    learning_rate):
    new_v = {k: np.multiply(beta, v[k]) + np.multiply(1 - beta, grads[k])
             for k in v}
    new_p = {k: parameters[k] - learning_rate * new_v['d' + k]
             for k in parameters}
    return new_p, new_v


@equivalents('initialize_adam', 'initialize_velocity, then copies for s')
def initialize_adam(parameters):
    v = initialize_velocity(parameters)
    s = {k: z.copy() for k, z in v.items()}
    return v, s


@equivalents('update_parameters_with_adam', 'np.power, np.square, '
             'in-place updates on copies')
def update_parameters_with_adam(parameters, grads, v, s, t,
                                learning_rate=0.01, beta1=0.9, beta2=0.999,
                                epsilon=1e-8):
    parameters = {k: np.array(p, dtype=float) for k, p in parameters.items()}
    v_corrected, s_corrected = {}, {}
    for l in range(1, len(parameters) // 2 + 1):
        for name in (f'W{l}', f'b{l}'):
            g = grads['d' + name]
            v['d' + name] = beta1 * v['d' + name] + (1 - beta1) * g
            s['d' + name] = beta2 * s['d' + name] + (1 - beta2) * np.square(g)
            v_corrected['d' + name] = v['d' + name] / (1 - np.power(beta1, t))
            s_corrected['d' + name] = s['d' + name] / (1 - np.power(beta2, t))
            parameters[name] -= learning_rate * v_corrected['d' + name] / (
                np.sqrt(s_corrected['d' + name]) + epsilon)
    return parameters, v, s, v_corrected, s_corrected


@equivalents('update_lr', 'float() and other names')
def update_lr(learning_rate0, epoch_num, decay_rate):
    denominator = 1.0 + epoch_num * decay_rate
    return float(learning_rate0 * (1 / denominator))


@equivalents('schedule_lr_decay', 'integer division and np.floor-free')
def schedule_lr_decay(learning_rate0, epoch_num, decay_rate,
                      time_interval=1000):
    return learning_rate0 / (1 + decay_rate * (epoch_num // time_interval))


@equivalents('schedule_lr_decay', 'np.floor')
def schedule_lr_decay(learning_rate0, epoch_num, decay_rate,  # noqa: F811
                      time_interval=1000):
    return learning_rate0 / (1 + decay_rate * np.floor(epoch_num /
                                                        time_interval))
