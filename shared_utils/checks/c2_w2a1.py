"""Public checks for C2_W2A1, Optimization Methods.

One function per graded function, named like it:
``checks.update_parameters_with_adam(update_parameters_with_adam)``.
Each check runs type, shape, a hand-computable input, a fixed small input
(expected numbers computed once with our reference) and invariants, and
stops at the first problem with a message naming the likely cause.
Parameters are dicts 'W1', 'b1', ...; gradients, velocities and Adam's
averages use the keys 'dW1', 'db1', ....
"""
import math

import numpy as np

from ._base import check
from ._hints import call as _call, likely as _likely


def _params():
    """A fixed 2-layer network: W1 (3, 2), b1 (3, 1), W2 (1, 3), b2 (1, 1)."""
    return {'W1': np.array([[0.5, -1.0], [2.0, 0.25], [-0.75, 1.5]]),
            'b1': np.array([[0.1], [-0.2], [0.3]]),
            'W2': np.array([[1.0, -2.0, 0.5]]), 'b2': np.array([[-0.4]])}


def _grads():
    return {'dW1': np.array([[0.2, 0.4], [-0.6, 0.1], [0.3, -0.5]]),
            'db1': np.array([[0.05], [-0.1], [0.2]]),
            'dW2': np.array([[-0.3, 0.8, 0.1]]), 'db2': np.array([[0.6]])}


def _three_layers():
    """Ones for parameters and gradients of a 3-layer network (2-4-3-1)."""
    sizes = [2, 4, 3, 1]
    params, grads = {}, {}
    for l in range(1, 4):
        params[f'W{l}'] = np.full((sizes[l], sizes[l - 1]), float(l))
        params[f'b{l}'] = np.full((sizes[l], 1), -float(l))
        grads[f'dW{l}'] = np.full((sizes[l], sizes[l - 1]), 10.0 * l)
        grads[f'db{l}'] = np.full((sizes[l], 1), 10.0)
    return params, grads


def _dict(c, value, keys, what, hint=''):
    c.type(value, dict, what)
    missing = [k for k in keys if k not in value]
    c.true(not missing, f'{what} is missing the keys {missing}'
           + (f' — {hint}' if hint else '') + '.')


def _zeros_like(c, out, params, what):
    keys = ['d' + k for k in params]
    _dict(c, out, keys, what, "name them 'dW1', 'db1', ... (with a d), "
          'one pair per layer l = 1..L')
    for k in keys:
        c.shape(out[k], params[k[1:]].shape, f'{what}["{k}"]',
                f'shape it like parameters["{k[1:]}"], e.g. with '
                'np.zeros_like')
        c.true(not np.any(out[k]), f'{what}["{k}"] should be all zeros.')


def update_parameters_with_gd(update_parameters_with_gd):
    """Check one plain gradient-descent step on 2- and 3-layer networks."""
    with check('update_parameters_with_gd') as c:
        params, grads = _three_layers()
        out = c.call(update_parameters_with_gd, params, grads, 0.01)
        _dict(c, out, ['W1', 'b1', 'W2', 'b2', 'W3', 'b3'], 'the result')
        for l in (1, 2, 3):
            c.close(out[f'W{l}'], np.full(out[f'W{l}'].shape, 0.9 * l),
                    f'W{l} after one step of size 0.01', _likely(
                        out[f'W{l}'], [
                            (np.full(out[f'W{l}'].shape, 1.1 * l),
                             'the update has the wrong sign: W = W - '
                             'learning_rate * dW'),
                            (np.full(out[f'W{l}'].shape, float(l)),
                             f'layer {l} was not updated: loop over '
                             'l = 1..L with range(1, L + 1)')]))
            c.close(out[f'b{l}'], np.full(out[f'b{l}'].shape, -l - 0.1),
                    f'b{l} after one step', 'b = b - learning_rate * db, '
                    'for every layer')
        out = c.call(update_parameters_with_gd, _params(), _grads(), 0.5)
        c.close(out['W1'], [[0.4, -1.2], [2.3, 0.2], [-0.9, 1.75]],
                'W1 of a 2-layer network, learning_rate 0.5')
        c.close(out['b2'], [[-0.7]], 'b2 of a 2-layer network')


def random_mini_batches(random_mini_batches):
    """Check the batches partition the shuffled data, columns kept whole."""
    with check('random_mini_batches') as c:
        for m, size in ((10, 4), (12, 4), (7, 8)):
            X = np.vstack([np.arange(m), 100 + np.arange(m),
                           np.zeros(m)])  # (3, m): column j holds j
            Y = np.arange(m).reshape(1, m) * 10  # (1, m)
            batches = c.call(random_mini_batches, X.copy(), Y.copy(), size,
                             seed=3)
            c.type(batches, list, 'the result')
            want = [size] * (m // size) + ([m % size] if m % size else [])
            got = [np.shape(b[1])[-1] if isinstance(b, (tuple, list))
                   and len(b) == 2 else None for b in batches]
            c.true(None not in got, 'each mini-batch should be a tuple '
                   '(mini_batch_X, mini_batch_Y).')
            c.true(got == want, f'with m={m} and mini_batch_size={size} '
                   f'expected batches of {want} examples, got {got} — ' +
                   ('the last, smaller batch is missing: append '
                    'the m % mini_batch_size left-over examples'
                    if got == want[:-1] else
                    'make math.floor(m / mini_batch_size) full batches, '
                    'then one with the rest if m % mini_batch_size != 0'))
            seen = []
            for k, (bx, by) in enumerate(batches):
                c.shape(bx, (3, want[k]), f'mini_batch_X number {k}',
                        'keep every row of X: slice columns, X[:, a:b]')
                c.shape(by, (1, want[k]), f'mini_batch_Y number {k}',
                        'keep Y as one row: shape (1, size)')
                c.true(np.array_equal(bx[0] * 10, by[0]),
                       'some batch X columns no longer match their labels '
                       '— shuffle X and Y with the same permutation')
                seen += list(bx[0].astype(int))
            c.true(sorted(seen) == list(range(m)),
                   f'the batches should hold every example exactly once, '
                   f'got the columns {sorted(seen)} of m={m} — slice '
                   'k * size:(k + 1) * size, and the rest after the loop')
            c.true(seen != list(range(m)), 'the examples are still in '
                   'their original order — shuffle the columns with a '
                   'random permutation first')
        X = np.arange(40.0).reshape(1, 40)
        first = c.call(random_mini_batches, X.copy(), X.copy(), 16, seed=5)
        again = c.call(random_mini_batches, X.copy(), X.copy(), 16, seed=5)
        other = c.call(random_mini_batches, X.copy(), X.copy(), 16, seed=6)
        c.true(np.array_equal(first[0][0], again[0][0]), 'the same seed '
               'should give the same batches — call np.random.seed(seed) '
               'before drawing the permutation')
        c.true(not np.array_equal(first[0][0], other[0][0]), 'a different '
               'seed should give different batches — seed with the seed '
               'argument, not a fixed number')


def initialize_velocity(initialize_velocity):
    """Check zero velocities keyed 'dW1', 'db1', ... for every layer."""
    with check('initialize_velocity') as c:
        params, _ = _three_layers()
        v = c.call(initialize_velocity, params)
        _zeros_like(c, v, params, 'v')
        c.true(len(v) == 6, f'v should hold 6 entries for 3 layers, got '
               f'{len(v)}.')
        v = c.call(initialize_velocity, _params())
        _zeros_like(c, v, _params(), 'v for a 2-layer network')


def update_parameters_with_momentum(update_parameters_with_momentum):
    """Check the velocity average and the step, from zero and non-zero v."""
    with check('update_parameters_with_momentum') as c:
        params = _params()
        v = {k: np.zeros_like(g) for k, g in _grads().items()}
        out = c.call(update_parameters_with_momentum, params, _grads(), v,
                     0.9, 1.0)
        c.true(isinstance(out, tuple) and len(out) == 2,
               'return the pair (parameters, v).')
        params, v = out
        _dict(c, v, ['dW1', 'db1', 'dW2', 'db2'], 'v')
        c.close(v['dW1'], 0.1 * _grads()['dW1'], 'v["dW1"] after one step '
                'from v = 0 with beta = 0.9', _likely(v['dW1'], [
                    (_grads()['dW1'], 'v = beta * v + (1 - beta) * dW: '
                     'the gradient is weighted by (1 - beta)'),
                    (0.9 * _grads()['dW1'], 'beta and 1 - beta are '
                     'swapped: v = beta * v + (1 - beta) * dW')]))
        c.close(params['W1'], _params()['W1'] - 0.1 * _grads()['dW1'],
                'W1 after one step with learning_rate 1', _likely(
                    params['W1'], [(_params()['W1'] - _grads()['dW1'],
                                    'step along v, not along the raw '
                                    'gradient: W = W - learning_rate * v')]))
        v = {k: np.full_like(g, 0.1) for k, g in _grads().items()}
        params, v = c.call(update_parameters_with_momentum, _params(),
                           _grads(), v, 0.8, 0.5)
        c.close(v['dW1'], [[0.12, 0.16], [-0.04, 0.1], [0.14, -0.02]],
                'v["dW1"] from v = 0.1 with beta 0.8')
        c.close(v['db2'], [[0.2]], 'v["db2"]', 'update every layer, '
                'l = 1..L, and the b entries too')
        c.close(params['W1'], [[0.44, -1.08], [2.02, 0.2], [-0.82, 1.51]],
                'W1 after a step with learning_rate 0.5')
        c.close(params['b2'], [[-0.5]], 'b2 after a step')


def initialize_adam(initialize_adam):
    """Check two separate zero dicts v and s for every layer."""
    with check('initialize_adam') as c:
        params, _ = _three_layers()
        out = c.call(initialize_adam, params)
        c.true(isinstance(out, tuple) and len(out) == 2,
               'return the pair (v, s).')
        v, s = out
        _zeros_like(c, v, params, 'v')
        _zeros_like(c, s, params, 's')
        c.true(v is not s and all(v[k] is not s[k] for k in v),
               'v and s share arrays — create separate zeros for each '
               '(np.zeros_like twice), or updating v would change s.')


def update_parameters_with_adam(update_parameters_with_adam):
    """Check Adam at step t = 1 by hand and at t = 3 with non-zero v, s."""
    with check('update_parameters_with_adam') as c:
        v = {k: np.zeros_like(g) for k, g in _grads().items()}
        s = {k: np.zeros_like(g) for k, g in _grads().items()}
        out = c.call(update_parameters_with_adam, _params(), _grads(), v, s,
                     1, learning_rate=0.1)
        c.true(isinstance(out, tuple) and len(out) == 5,
               'return (parameters, v, s, v_corrected, s_corrected).')
        params, v, s, v_c, s_c = out
        for name, d in (('v', v), ('s', s), ('v_corrected', v_c),
                        ('s_corrected', s_c)):
            _dict(c, d, ['dW1', 'db1', 'dW2', 'db2'], name)
        g = _grads()['dW1']
        c.close(v['dW1'], 0.1 * g, 'v["dW1"] after step 1 from zero')
        c.close(s['dW1'], 0.001 * g ** 2, 's["dW1"] after step 1',
                _likely(s['dW1'], [(0.001 * g, 's averages the SQUARED '
                                    'gradients: (1 - beta2) * dW ** 2')]))
        c.close(v_c['dW1'], g, 'v_corrected["dW1"] at t = 1', _likely(
            v_c['dW1'], [(0.1 * g, 'v_corrected is v / (1 - beta1 ** t)')]))
        c.close(s_c['dW1'], g ** 2, 's_corrected["dW1"] at t = 1')
        # at t = 1 every corrected step is sign(g) * learning_rate
        c.close(params['W1'], _params()['W1'] - 0.1 * np.sign(g),
                'W1 after step 1 (every entry moves by learning_rate)',
                'W = W - learning_rate * v_corrected / (sqrt(s_corrected) '
                '+ epsilon)', rtol=1e-5)
        v = {k: np.full_like(x, 0.1) for k, x in _grads().items()}
        s = {k: np.full_like(x, 0.04) for k, x in _grads().items()}
        out = c.call(update_parameters_with_adam, _params(), _grads(), v, s,
                     3, learning_rate=0.02)
        params, v, s, v_c, s_c = out
        c.close(v['dW1'], [[0.11, 0.13], [0.03, 0.1], [0.12, 0.04]],
                'v["dW1"] from v = 0.1')
        c.close(s['db2'], [[0.04032]], 's["db2"] from s = 0.04',
                'update every layer l = 1..L, the b entries too')
        c.close(v_c['db2'], [[0.5535055350553507]], 'v_corrected["db2"] '
                'at t = 3')
        c.close(s_c['dW1'][0], [13.346675560001486, 13.386715586681492],
                's_corrected["dW1"] at t = 3', 'divide s by '
                '(1 - beta2 ** t)')
        c.close(params['W1'], [[0.49777788343425383, -1.0026222073940045],
                               [1.9993963778880262, 0.247979136065021],
                               [-0.7524226135020687, 1.4991940704082143]],
                'W1 after an Adam step at t = 3')
        c.close(params['b2'], [[-0.4030181105598689]], 'b2 after an Adam '
                'step at t = 3')


def update_lr(update_lr):
    """Check alpha_0 / (1 + decay_rate * epoch_num)."""
    with check('update_lr') as c:
        lr = _call(c, update_lr, 0.4, 3, 0.5, hint='return learning_rate0 '
                   '/ (1 + decay_rate * epoch_num)')
        c.close(lr, 0.16, 'update_lr(0.4, epoch_num=3, decay_rate=0.5)',
                _likely(lr, [(0.4 + 1.5, 'brackets: divide by (1 + '
                              'decay_rate * epoch_num)'),
                             (0.4 * 0.5 ** 3, 'this is exponential decay; '
                              'use learning_rate0 / (1 + decay_rate * '
                              'epoch_num)')]))
        c.close(c.call(update_lr, 0.05, 0, 3.0), 0.05,
                'update_lr at epoch 0', 'at epoch 0 the rate is '
                'learning_rate0')
        c.close(c.call(update_lr, 1.0, 100, 0.01), 0.5,
                'update_lr(1.0, 100, 0.01)')


def schedule_lr_decay(schedule_lr_decay):
    """Check the stepwise schedule, including the default time_interval."""
    with check('schedule_lr_decay') as c:
        lr = _call(c, schedule_lr_decay, 0.3, 250, 2, 100, hint='return '
                   'learning_rate0 / (1 + decay_rate * floor(epoch_num / '
                   'time_interval))')
        c.close(lr, 0.06, 'schedule_lr_decay(0.3, 250, 2, time_interval='
                '100)', _likely(lr, [
                    (0.05, 'round down: floor(epoch_num / time_interval), '
                     'e.g. math.floor'),
                    (0.3 / 1.5, 'use the time_interval argument, not 1000')]))
        c.close(c.call(schedule_lr_decay, 0.3, 99, 2, 100), 0.3,
                'schedule_lr_decay before the first step (epoch 99)',
                'floor(99 / 100) is 0: no decay yet')
        c.close(c.call(schedule_lr_decay, 0.3, 180, 2, 100), 0.1,
                'schedule_lr_decay at epoch 180, interval 100',
                'round down, not to the nearest integer')
        c.close(c.call(schedule_lr_decay, 0.9, 2999, 1), 0.3,
                'schedule_lr_decay with the default interval 1000')
        c.true(math.isclose(float(c.call(schedule_lr_decay, 0.9, 3000, 1)),
                            0.225), 'at epoch 3000 with the default '
               'interval the rate should be 0.9 / 4.')
