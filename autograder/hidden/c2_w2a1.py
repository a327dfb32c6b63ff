"""Hidden checks for C2_W2A1, Optimization Methods.

Fixtures are fresh networks of 2 to 4 layers with random sizes and values;
expected values come from the reference on the same inputs. Update rules
are checked on non-zero velocities and averages, Adam at a step t > 1 (so
the bias correction matters). `random_mini_batches` is checked for a
partition of the data (every example once, X and Y columns together, the
right batch sizes), for repeatability with a seed and for shuffling, never
for one particular permutation.
"""
import math

import numpy as np

from ..checking import Registry

checks = Registry()


def _sizes(t):
    L = int(t.rng.integers(2, 5))
    return [int(n) for n in t.rng.integers(1, 7, size=L + 1)]


def _network(t, sizes=None):
    """parameters and grads of a fresh network with the given layer sizes."""
    sizes = sizes or _sizes(t)
    params, grads = {}, {}
    for l in range(1, len(sizes)):
        shape_w, shape_b = (sizes[l], sizes[l - 1]), (sizes[l], 1)
        params[f'W{l}'] = t.rng.normal(0, 1, size=shape_w)
        params[f'b{l}'] = t.rng.normal(0, 1, size=shape_b)
        grads[f'dW{l}'] = t.rng.normal(0, 0.5, size=shape_w)
        grads[f'db{l}'] = t.rng.normal(0, 0.5, size=shape_b)
    return params, grads


def _tag(params):
    L = len(params) // 2
    return f'L={L}'


def _dict_values(t, tag, got, expected, via):
    """Compare a dict of arrays key by key (keys checked first)."""
    t.type(f'{tag} is a dict', got, dict)
    for key in expected:
        value = t.key(f'{tag} has "{key}"', got, key)
        t.close(f'{tag}["{key}"]', value, expected[key],
                via=lambda f, k=key: via(f)[k])


# ------------------------------------------------------------ update rules

@checks('update_parameters_with_gd')
def update_parameters_with_gd(t):
    for _ in range(2):
        params, grads = _network(t)
        rate = float(t.rng.uniform(0.01, 0.5))
        args = (params, grads, rate)
        tag = _tag(params)
        with t.case():
            out = t.call(*args, label=f'{tag}: runs')
            _dict_values(t, f'{tag}: parameters', out, t.ref(*args),
                         lambda f, a=args: f(*a))


@checks('update_parameters_with_momentum')
def update_parameters_with_momentum(t):
    for _ in range(2):
        params, grads = _network(t)
        v = {k: t.rng.normal(0, 0.3, size=g.shape) for k, g in grads.items()}
        beta = float(t.rng.uniform(0.5, 0.95))
        rate = float(t.rng.uniform(0.01, 0.5))
        args = (params, grads, v, beta, rate)
        tag = _tag(params)
        with t.case():
            out = t.call(*args, label=f'{tag}: runs')
            got_p, got_v = t.unpack(f'{tag}: returns (parameters, v)', out, 2)
            e_p, e_v = t.ref(*args)
            _dict_values(t, f'{tag}: v', got_v, e_v,
                         lambda f, a=args: f(*a)[1])
            _dict_values(t, f'{tag}: parameters', got_p, e_p,
                         lambda f, a=args: f(*a)[0])


@checks('update_parameters_with_adam')
def update_parameters_with_adam(t):
    names = ('parameters', 'v', 's', 'v_corrected', 's_corrected')
    for k in range(2):
        params, grads = _network(t)
        v = {n: t.rng.normal(0, 0.3, size=g.shape) for n, g in grads.items()}
        s = {n: t.rng.uniform(0.01, 0.2, size=g.shape)
             for n, g in grads.items()}
        step = int(t.rng.integers(2, 12))
        kwargs = {} if k == 0 else dict(
            learning_rate=float(t.rng.uniform(0.001, 0.05)),
            beta1=float(t.rng.uniform(0.8, 0.95)),
            beta2=float(t.rng.uniform(0.95, 0.999)),
            epsilon=float(t.rng.uniform(1e-3, 1e-2)))
        args = (params, grads, v, s, step)
        tag = f'{_tag(params)}, t={step}' + (', own settings' if k else '')
        with t.case():
            out = t.call(*args, label=f'{tag}: runs', **kwargs)
            got = t.unpack(f'{tag}: returns (parameters, v, s, '
                           'v_corrected, s_corrected)', out, 5)
            expected = t.ref(*args, **kwargs)
            for i, name in enumerate(names):
                with t.case():
                    _dict_values(t, f'{tag}: {name}', got[i], expected[i],
                                 lambda f, a=args, i=i: f(*a, **kwargs)[i])


# ---------------------------------------------------------- initialisers

def _zeros(t, name):
    for _ in range(2):
        params, _ = _network(t)
        tag = _tag(params)
        with t.case():
            out = t.call(params, label=f'{tag}: runs')
            dicts = (t.unpack(f'{tag}: returns (v, s)', out, 2)
                     if name == 'initialize_adam' else (out,))
            for which, d in zip(('v', 's'), dicts):
                t.type(f'{tag}: {which} is a dict', d, dict)
                t.check(f'{tag}: {which} has one entry per parameter',
                        len(d) == len(params),
                        f'expected {len(params)} entries for '
                        f'{len(params) // 2}'
                        f' layers, got {len(d)} — one "dW{{l}}" and one '
                        '"db{l}" per layer l = 1..L')
                for key, value in params.items():
                    t.require(f'{tag}: {which} has "d{key}"', f'd{key}' in d,
                              f'missing key "d{key}" — one "dW{{l}}" and '
                              'one "db{l}" per layer l = 1..L, with a d')
                    got = d[f'd{key}']
                    t.shape(f'{tag}: {which}["d{key}"] shape', got,
                            value.shape, hint='np.zeros_like(parameters'
                            f'["{key}"])')
                    t.check(f'{tag}: {which}["d{key}"] is zero',
                            not np.any(np.asarray(got, dtype=float)),
                            'start from zeros')


@checks('initialize_velocity')
def initialize_velocity(t):
    _zeros(t, 'initialize_velocity')


@checks('initialize_adam')
def initialize_adam(t):
    _zeros(t, 'initialize_adam')


# ---------------------------------------------------------- mini-batches

def _columns(t, m):
    """X (n_x, m) whose column j starts with j; Y (1, m) = 2j + 1."""
    n_x = int(t.rng.integers(1, 5))
    X = np.vstack([np.arange(m, dtype=float),
                   t.rng.normal(0, 1, size=(n_x - 1, m))])  # (n_x, m)
    Y = (2 * np.arange(m) + 1.0).reshape(1, m)  # (1, m)
    return X, Y


def _runs(shapes):
    """'3 × (2, 8), (2, 5)': a list of shapes, repeats counted."""
    parts, i = [], 0
    while i < len(shapes):
        j = i
        while j < len(shapes) and shapes[j] == shapes[i]:
            j += 1
        parts.append(f'{j - i} × {shapes[i]}' if j - i > 1
                     else str(shapes[i]))
        i = j
    return ', '.join(parts) or 'no batches'


def _partition(t, tag, batches, X, Y, size):
    m = X.shape[1]
    t.type(f'{tag}: returns a list', batches, list)
    want = [size] * (m // size) + ([m % size] if m % size else [])
    t.check(f'{tag}: number of mini-batches', len(batches) == len(want),
            f'expected {len(want)} batches for m={m}, size {size}, got '
            f'{len(batches)} — ' + (
                'the last, smaller batch is missing' if len(batches) ==
                len(want) - 1 else 'math.floor(m / size) full batches, '
                'then one with the rest if m % size != 0'), weight=2)
    t.require(f'{tag}: every batch is a pair (mini_batch_X, mini_batch_Y)',
              all(isinstance(b, (tuple, list)) and len(b) == 2
                  for b in batches),
              'append tuples (mini_batch_X, mini_batch_Y)')
    bxs = [np.asarray(b[0], dtype=float) for b in batches]
    bys = [np.asarray(b[1], dtype=float) for b in batches]
    got_x = [np.shape(b) for b in bxs]
    got_y = [np.shape(b) for b in bys]
    t.check(f'{tag}: batch X shapes', got_x == [(X.shape[0], n)
                                               for n in want],
            f'expected {_runs([(X.shape[0], n) for n in want])}, got '
            f'{_runs(got_x)} — '
            'slice columns, shuffled_X[:, a:b]; the last batch holds the '
            'm % size left-over examples')
    t.check(f'{tag}: batch Y shapes', got_y == [(1, n) for n in want],
            f'expected {_runs([(1, n) for n in want])}, got {_runs(got_y)} '
            '— keep each '
            'mini_batch_Y a row of shape (1, size)')
    t.require(f'{tag}: batches are 2-D arrays', all(
        b.ndim == 2 for b in bxs + bys), 'slice with [:, a:b] so each '
              'batch keeps two dimensions')
    # batches that lost their rows (a row slice) hold no example ids
    together = all(bx.shape[1] == by.shape[1] and len(bx) and len(by) and
                   np.array_equal(2 * bx[0] + 1, by[0])
                   for bx, by in zip(bxs, bys))
    t.check(f'{tag}: X and Y columns kept together', together,
            'some labels do not belong to their X columns — reorder X and '
            'Y with the same permutation', weight=2)
    whole = all(len(bx) for bx in bxs)
    for bx in bxs:
        for i, j in enumerate(bx[0] if len(bx) else ()):
            rows = np.flatnonzero(X[0] == j)
            whole &= bool(rows.size == 1 and len(bx) == len(X) and
                          np.allclose(X[:, rows[0]], bx[:, i]))
    t.check(f'{tag}: X columns are whole examples', whole,
            'the columns of mini_batch_X are not columns of X — permute '
            'the columns, X[:, permutation], not the rows')
    seen = [int(j) for bx in bxs if len(bx) for j in bx[0]]
    t.check(f'{tag}: every example exactly once', sorted(seen) ==
            list(range(m)), f'{len(seen)} columns in all, '
            f'{len(set(seen))} different, for m={m} — the batches must '
            'partition the shuffled data', weight=2)
    t.check(f'{tag}: examples are shuffled', seen != list(range(m)),
            'the examples are in their original order — shuffle with '
            'np.random.permutation(m) first', weight=2)


def _order(batches):
    """The example ids in batch order; None when the batches are not a list
    of (2-D X, Y) pairs."""
    try:
        return [int(j) for b in batches
                for j in np.asarray(b[0], dtype=float)[0]]
    except (TypeError, ValueError, IndexError, KeyError):
        return None


@checks('random_mini_batches')
def random_mini_batches(t):
    cases = [(int(t.rng.integers(40, 90)), int(t.rng.integers(5, 13))),
             (int(t.rng.integers(3, 7)) * 8, 8),
             (int(t.rng.integers(10, 30)), 64)]
    for m, size in cases:
        X, Y = _columns(t, m)
        seed = int(t.rng.integers(0, 1000))
        tag = f'm={m}, mini_batch_size={size}'
        if m % size == 0:
            tag += ' (a multiple)'
        with t.case():
            out = t.call(X, Y, size, seed, label=f'{tag}: runs')
            _partition(t, tag, out, X, Y, size)
    X, Y = _columns(t, 30)
    seed = int(t.rng.integers(0, 1000))
    with t.case():
        first = _order(t.call(X, Y, 8, seed, label='seeded call runs'))
        again = _order(t.call(X, Y, 8, seed, label='same seed runs'))
        other = _order(t.call(X, Y, 8, seed + 1, label='next seed runs'))
        t.check('same seed, same batches', first is not None and
                first == again,
                'two calls with one seed gave different batches — call '
                'np.random.seed(seed) before drawing the permutation')
        t.check('another seed, other batches', first is not None and
                first != other,
                f'seeds {seed} and {seed + 1} gave the same batches — use '
                'the seed argument: np.random.seed(seed)', weight=2)
    X, Y = _columns(t, 70)
    with t.case():
        out = t.call(X, Y, label='default mini_batch_size (64): runs')
        try:
            sizes = [int(np.shape(b[1])[-1]) for b in out]
        except (TypeError, ValueError, IndexError, KeyError):
            sizes = None
        t.check('default mini_batch_size is 64', sizes == [64, 6],
                (f'70 examples gave batches of {sizes}, expected [64, 6] — '
                 'keep the default mini_batch_size=64 of the signature')
                if sizes is not None else 'the result is not a list of '
                '(mini_batch_X, mini_batch_Y) pairs')


# ------------------------------------------------------ learning-rate decay

@checks('update_lr')
def update_lr(t):
    for epoch in (0, int(t.rng.integers(1, 20)), int(t.rng.integers(100,
                                                                     5000))):
        rate0 = float(t.rng.uniform(0.01, 1.0))
        decay = float(t.rng.uniform(0.1, 3.0))
        args = (rate0, epoch, decay)
        with t.case():
            got = t.call(*args, label=f'update_lr({rate0:.3g}, {epoch}, '
                         f'{decay:.3g}) runs')
            t.check(f'epoch {epoch}: returns one number', np.size(got) == 1,
                    'return a single float')
            t.close(f'epoch {epoch}: learning rate', got, t.ref(*args),
                    via=lambda f, a=args: f(*a))


@checks('schedule_lr_decay')
def schedule_lr_decay(t):
    interval = int(t.rng.integers(20, 400))
    # below the first step, just below a step (round != floor), on a step
    epochs = (int(t.rng.integers(0, interval)),
              3 * interval - int(t.rng.integers(1, interval // 3)),
              int(t.rng.integers(2, 6)) * interval)
    for epoch in epochs:
        rate0 = float(t.rng.uniform(0.01, 1.0))
        decay = float(t.rng.uniform(0.1, 3.0))
        args = (rate0, epoch, decay, interval)
        with t.case():
            got = t.call(*args, label=f'schedule_lr_decay(..., epoch_num='
                         f'{epoch}, time_interval={interval}) runs')
            t.close(f'epoch {epoch}, interval {interval}: learning rate',
                    got, t.ref(*args), via=lambda f, a=args: f(*a))
    epoch = int(t.rng.integers(2, 5)) * 1000 + int(t.rng.integers(600, 999))
    args = (0.5, epoch, 0.5)
    with t.case():
        got = t.call(*args, label='default time_interval: runs')
        t.close(f'epoch {epoch}, default interval 1000', got, t.ref(*args),
                via=lambda f: f(*args))
        t.check('returns one number', np.size(got) == 1 and
                math.isfinite(float(np.asarray(got, dtype=float).ravel()[0])),
                'return a single float')
