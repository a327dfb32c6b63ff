"""Hidden checks for C4_W1A1, Convolutional Neural Networks step by step.

Every call gets a fresh batch from ``t.rng``: several m, non-square
pictures, 1 to 4 channels, filters of size 1 to 4, strides 1 to 3 (also
larger than f) and padding 0 to 3, with sizes that do not divide evenly, so
a floor, a ``+ 1`` or a stride left out shows. The number of filters always
differs from the number of input channels. Results are compared with our
reference on the same inputs: shapes and values, every cache entry, the type
of ``conv_single_step``'s result (one np.float64), both pooling modes and
the default one, and the arguments, which must come back unchanged.
"""
import numpy as np

from ..checking import Registry

checks = Registry()

CONV_CACHE = 'cache = (A_prev, W, b, hparameters), with A_prev as given'
POOL_CACHE = 'cache = (A_prev, hparameters), with A_prev as given'
WINDOW = ('output (h, w) reads rows h * stride to h * stride + f and '
          'columns w * stride to w * stride + f of the padded input')


def _int(t, low, high):
    """An int in [low, high]."""
    return int(t.rng.integers(low, high + 1))


def _unchanged(t, tag, args):
    """Record that every argument came back as it was passed."""
    after = t.args_after or []
    same = len(after) == len(args) and all(
        _same_settings(b, a) if isinstance(a, dict) else
        (type(b) is type(a) and b == a) if isinstance(a, (str, int)) else
        (np.shape(b) == np.shape(a) and np.allclose(b, a))
        for a, b in zip(args, after))
    t.check(f'{tag}: arguments left unchanged', same, 'your function '
            'changed an array or dict it was given — build new arrays '
            '(np.pad, np.zeros) instead of writing into the inputs')


def _same_settings(got, hp):
    """`got` is a dict with the keys and int values of `hp`."""
    return (isinstance(got, dict) and set(got) == set(hp) and all(
        np.ndim(got[k]) == 0 and np.asarray(got[k]).dtype.kind in 'iuf'
        and got[k] == hp[k] for k in hp))


def _cache(t, tag, cache, inputs, names, hint):
    """The cache: arrays in order, then the settings dict, as given."""
    parts = t.unpack(f'{tag}: cache has {len(names)} entries', cache,
                     len(names))
    for i, name in enumerate(names[:-1]):
        t.close(f'{tag}: cache[{i}] is {name}', parts[i], inputs[i],
                hint=hint)
    t.check(f'{tag}: cache[{len(names) - 1}] is hparameters',
            _same_settings(parts[-1], inputs[len(names) - 1]),
            f'expected the hparameters dict as given — {hint}')


# --------------------------------------------------------------- zero_pad

@checks('zero_pad')
def zero_pad(t):
    for pad in (0, _int(t, 1, 2), 3):
        shape = (_int(t, 1, 3), _int(t, 2, 6), _int(t, 2, 6), _int(t, 1, 4))
        X = t.rng.normal(size=shape)
        tag = f'X {shape}, pad {pad}'
        with t.case():
            out = t.call(X, pad, label=f'{tag}: runs')
            _unchanged(t, tag, (X, pad))
            t.type(f'{tag}: returns an array', out, np.ndarray,
                   'return the padded array')
            m, n_H, n_W, n_C = shape
            t.shape(f'{tag}: X_pad shape', out,
                    (m, n_H + 2 * pad, n_W + 2 * pad, n_C),
                    via=lambda f, a=(X, pad): f(*a),
                    hint='only axes 1 and 2 (height, width) grow, by 2 * '
                    'pad each')
            t.close(f'{tag}: X_pad', out, t.ref(X, pad),
                    via=lambda f, a=(X, pad): f(*a),
                    hint='X sits in the middle, zeros all around it')


# ------------------------------------------------------- conv_single_step

@checks('conv_single_step')
def conv_single_step(t):
    for f, n_C in ((_int(t, 2, 4), _int(t, 2, 4)), (1, _int(t, 2, 5)),
                   (_int(t, 3, 5), 1)):
        a = t.rng.normal(size=(f, f, n_C))
        W = t.rng.normal(size=(f, f, n_C))
        b = t.rng.normal(1.0, 1.0, size=(1, 1, 1))
        args = (a, W, b)
        tag = f'window ({f}, {f}, {n_C})'
        with t.case():
            Z = t.call(*args, label=f'{tag}: runs')
            _unchanged(t, tag, args)
            t.check(f'{tag}: returns one np.float64', isinstance(Z, float),
                    f'got {_kind(Z)} — sum every product (all axes) with '
                    'np.sum and add b as a number: b.item() or '
                    'np.squeeze(b)')
            t.close(f'{tag}: Z', Z, t.ref(*args),
                    via=lambda fn, a=args: fn(*a),
                    hint='Z = sum(a_slice_prev * W) + b')


def _kind(value):
    if isinstance(value, np.ndarray):
        return f'an ndarray of shape {value.shape}'
    if isinstance(value, np.generic):
        return f'a {type(value).__name__}'
    return f'a {type(value).__name__}'


# ------------------------------------------------------------ conv_forward

def _conv_problem(t, stride, pad, f):
    """A_prev, W, b whose output sizes need the floor (when stride > 1)."""
    m, n_C_prev = _int(t, 1, 3), _int(t, 1, 3)
    n_C = n_C_prev + _int(t, 1, 2)  # never n_C_prev
    n_H = max(f, _int(t, 3, 7)) + (stride > 1)
    n_W = n_H + _int(t, 1, 3)  # non-square
    A = t.rng.normal(size=(m, n_H, n_W, n_C_prev))
    W = t.rng.normal(size=(f, f, n_C_prev, n_C))
    b = t.rng.normal(size=(1, 1, 1, n_C))
    return A, W, b, {'stride': stride, 'pad': pad}


@checks('conv_forward')
def conv_forward(t):
    settings = ((1, 0, _int(t, 2, 3)), (2, 1, 3), (3, _int(t, 1, 2), 2),
                (2, 2, _int(t, 1, 4)), (1, 1, 1))
    for stride, pad, f in settings:
        args = _conv_problem(t, stride, pad, f)
        A, W = args[0], args[1]
        m, n_H_prev, n_W_prev, _ = A.shape
        n_H = (n_H_prev + 2 * pad - f) // stride + 1
        n_W = (n_W_prev + 2 * pad - f) // stride + 1
        tag = (f'A_prev {A.shape}, W {W.shape}, stride {stride}, pad '
               f'{pad}')
        with t.case():
            out = t.call(*args, label=f'{tag}: runs')
            _unchanged(t, tag, args)
            Z, cache = t.unpack(f'{tag}: returns (Z, cache)', out, 2)
            expected = t.ref(*args)[0]
            t.type(f'{tag}: Z is an array', Z, np.ndarray)
            t.shape(f'{tag}: Z shape', Z, (m, n_H, n_W, W.shape[3]),
                    via=lambda fn, a=args: fn(*a)[0],
                    hint='n_H = (n_H_prev + 2 pad - f) // stride + 1, '
                    'likewise n_W; n_C = W.shape[3]')
            t.close(f'{tag}: Z', Z, expected,
                    via=lambda fn, a=args: fn(*a)[0], hint=WINDOW)
            _cache(t, tag, cache, args, ('A_prev', 'W', 'b', 'hparameters'),
                   CONV_CACHE)


# ------------------------------------------------------------ pool_forward

def _pool_problem(t, f, stride):
    m, n_C = _int(t, 1, 3), _int(t, 1, 4)
    n_H = f + _int(t, 1, 5)
    n_W = n_H + _int(t, 1, 3)  # non-square
    A = t.rng.normal(size=(m, n_H, n_W, n_C))
    return A, {'f': f, 'stride': stride}


@checks('pool_forward')
def pool_forward(t):
    settings = ((2, 2), (3, 1), (_int(t, 2, 3), 3), (3, 2))
    for mode in ('max', 'average'):
        for f, stride in settings:
            A, hp = _pool_problem(t, f, stride)
            args = (A, hp, mode)
            _pool_case(t, f'A_prev {A.shape}, f {f}, stride {stride}, mode '
                       f'{mode!r}', args)
    A, hp = _pool_problem(t, 2, 2)
    _pool_case(t, f'A_prev {A.shape}, f 2, stride 2, mode not given',
               (A, hp))


def _pool_case(t, tag, args):
    A, hp = args[0], args[1]
    m, n_H_prev, n_W_prev, n_C = A.shape
    n_H = (n_H_prev - hp['f']) // hp['stride'] + 1
    n_W = (n_W_prev - hp['f']) // hp['stride'] + 1
    with t.case():
        out = t.call(*args, label=f'{tag}: runs')
        _unchanged(t, tag, args)
        A_out, cache = t.unpack(f'{tag}: returns (A, cache)', out, 2)
        expected = t.ref(*args)[0]
        t.type(f'{tag}: A is an array', A_out, np.ndarray)
        t.shape(f'{tag}: A shape', A_out, (m, n_H, n_W, n_C),
                via=lambda fn, a=args: fn(*a)[0],
                hint='n_H = (n_H_prev - f) // stride + 1, likewise n_W; '
                'the channels stay')
        hint = ("the default mode is 'max'" if len(args) == 2 else
                'each example and channel is pooled on its own; ' + WINDOW)
        t.close(f'{tag}: A', A_out, expected,
                via=lambda fn, a=args: fn(*a)[0], hint=hint)
        _cache(t, tag, cache, args, ('A_prev', 'hparameters'), POOL_CACHE)
