"""Public checks for C4_W1A1, Convolutional Neural Networks step by step.

One function per exercise: ``checks.conv_forward(conv_forward)``; the
graded four (zero_pad, conv_single_step, conv_forward, pool_forward) and
the optional backward ones. Each check runs type, shape, a
hand-computable input, a fixed small input (expected numbers in
``_c4_w1a1_values``, computed once with our reference) and invariants, and
stops at the first problem with a message naming the likely cause.
Batches are channels-last: ``(m, n_H, n_W, n_C)``.
"""
import numpy as np

from . import _c4_w1a1_values as V
from ._base import check
from ._hints import likely as _likely

STRIDE = ('the window of output row h starts at row h * stride (and '
          'column w * stride), not at h')


def _pair(c, out, what):
    c.true(isinstance(out, tuple) and len(out) == 2, f'return the pair '
           f'{what}, got {type(out).__name__}')
    return out


def _unchanged(c, arrays, originals, name):
    for got, want in zip(arrays, originals):
        c.true(np.array_equal(got, want), f'your function changed the '
               f'{name} it was given — work on new arrays')


def zero_pad(zero_pad):
    """Check the shape, the zero frame and the untouched interior."""
    with check('zero_pad') as c:
        X = np.arange(1.0, 25.0).reshape(2, 2, 3, 2)  # (m, n_H, n_W, n_C)
        X_pad = c.call(zero_pad, X.copy(), 1)
        hint = {(4, 4, 5, 4): 'likely cause: padded the examples and the '
                'channels too — use (0, 0) for axes 0 and 3',
                (2, 3, 4, 2): 'likely cause: zeros on one side only — use '
                '(pad, pad), before and after'}.get(
            np.shape(X_pad), 'only height and width grow, by 2 * pad each')
        c.shape(X_pad, (2, 4, 5, 2), 'zero_pad(X of shape (2, 2, 3, 2), 1)',
                hint)
        X_pad = np.asarray(X_pad)
        c.true(np.array_equal(X_pad[:, 1:-1, 1:-1, :], X), 'the inside of '
               'the padded batch should be X itself, shifted by pad rows '
               'and columns')
        frame = X_pad.copy()
        frame[:, 1:-1, 1:-1, :] = 0
        c.true(not np.any(frame), 'the frame should hold zeros — use '
               "np.pad(..., mode='constant', constant_values=0)")
        Y = V.CF_A[:1, :, :3].copy()  # (1, 5, 3, 3)
        Y_pad = c.call(zero_pad, Y, 3)
        c.shape(Y_pad, (1, 11, 9, 3), 'zero_pad on a (1, 5, 3, 3) batch '
                'with pad 3')
        c.true(np.array_equal(np.asarray(Y_pad)[:, 3:8, 3:6, :],
                              V.CF_A[:1, :, :3]),
               'with pad 3 the inside starts at row 3 and column 3')
        _unchanged(c, [Y], [V.CF_A[:1, :, :3]], 'X')
        c.close(c.call(zero_pad, Y.copy(), 0), Y, 'zero_pad(X, 0)',
                'with pad 0 nothing changes')


def conv_single_step(conv_single_step):
    """Check the type, a hand-computable window and a fixed one."""
    with check('conv_single_step') as c:
        a, W = np.ones((2, 2, 3)), np.full((2, 2, 3), 0.5)
        b = np.full((1, 1, 1), -1.0)
        Z = c.call(conv_single_step, a, W, b)
        c.true(isinstance(Z, float), f'the result should be one number '
               f'(np.float64), got {type(Z).__name__} of shape '
               f'{np.shape(Z)} — sum every product with np.sum and add b '
               'as a number: b.item() or np.squeeze(b)')
        c.close(Z, 5.0, 'conv_single_step of ones (2, 2, 3), weights 0.5, '
                'bias -1', _likely(Z, [
                    (6.0, 'b is missing: add the bias'),
                    (7.0, 'b was subtracted: add it'),
                    (-0.5, 'took the mean of the products: add them up '
                     'with np.sum')]))
        args = (V.CS_A.copy(), V.CS_W.copy(), V.CS_B.copy())
        Z = c.call(conv_single_step, *args)
        c.true(isinstance(Z, float), 'the result should be one np.float64')
        c.close(Z, V.CS_Z, 'conv_single_step on a fixed 3 x 3 x 2 window',
                _likely(Z, [(V.CS_Z - V.CS_B.item(), 'b is missing: add '
                             'the bias')],
                        'multiply entry by entry, then sum everything'))
        _unchanged(c, args, (V.CS_A, V.CS_W, V.CS_B), 'arrays')


def conv_forward(conv_forward):
    """Check Z's shape and values for three settings, and the cache."""
    with check('conv_forward') as c:
        cases = (({'stride': 2, 'pad': 1}, V.CF_Z_S2P1),
                 ({'stride': 1, 'pad': 1}, V.CF_Z_S1P1),
                 ({'stride': 1, 'pad': 0}, V.CF_Z_S1P0))
        for hp, want in cases:
            args = (V.CF_A.copy(), V.CF_W.copy(), V.CF_B.copy(), dict(hp))
            Z, cache = _pair(c, c.call(conv_forward, *args), '(Z, cache)')
            what = (f'Z for A_prev (2, 5, 4, 3), W (3, 3, 3, 2), stride '
                    f'{hp["stride"]}, pad {hp["pad"]}')
            c.shape(Z, want.shape, what, 'n_H = (n_H_prev + 2 * pad - f) '
                    '// stride + 1, likewise n_W; n_C = W.shape[3]')
            wrong = [(want - V.CF_B, 'b is missing: add b[:, :, :, c]')]
            if hp['stride'] == 2:
                wrong.append((V.CF_Z_S1P1[:, :3, :2], STRIDE))
            c.close(Z, want, what, _likely(Z, wrong, 'check the window '
                    '(rows first, then columns, all channels) and the '
                    'filter W[:, :, :, c] with its bias b[:, :, :, c]'))
            c.true(isinstance(cache, tuple) and len(cache) == 4,
                   'cache should be the tuple (A_prev, W, b, hparameters)')
            c.true(np.shape(cache[0]) == V.CF_A.shape and np.array_equal(
                cache[0], V.CF_A), 'cache[0] should be A_prev as given '
                '(not padded)')
            c.true(isinstance(cache[3], dict) and cache[3] == hp,
                   'cache[3] should be the hparameters dict')
            _unchanged(c, args[:3], (V.CF_A, V.CF_W, V.CF_B), 'arrays')


def pool_forward(pool_forward):
    """Check both modes on a hand-computable and a fixed input."""
    with check('pool_forward') as c:
        A = np.arange(16.0).reshape(1, 4, 4, 1)  # (1, 4, 4, 1)
        hp = {'f': 2, 'stride': 2}
        hand = {'max': [[5.0, 7.0], [13.0, 15.0]],
                'average': [[2.5, 4.5], [10.5, 12.5]]}
        for mode, other in (('max', 'average'), ('average', 'max')):
            out = _pair(c, c.call(pool_forward, A.copy(), dict(hp), mode),
                        '(A, cache)')
            c.shape(out[0], (1, 2, 2, 1), f'A for a 4 x 4 input, f 2, '
                    f'stride 2, mode {mode!r}', 'n_H = (n_H_prev - f) // '
                    'stride + 1, likewise n_W; the channels stay')
            got = np.asarray(out[0])[0, :, :, 0]
            c.close(got, hand[mode], f'mode {mode!r} on [[0, 1, 2, 3], ..., '
                    '[12, ..., 15]] with f 2, stride 2', _likely(got, [
                        (hand[other], 'max and average are swapped')]))
        out = _pair(c, c.call(pool_forward, A.copy(), dict(hp)), '(A, cache)')
        c.close(out[0], np.reshape(hand['max'], (1, 2, 2, 1)),
                'pool_forward without mode', "the default mode is 'max'")
        for mode in ('max', 'average'):
            for f, s in ((3, 2), (2, 1)):
                want = getattr(V, f'PF_{mode.upper()}_F{f}S{s}')
                one = getattr(V, f'PF_{mode.upper()}_F{f}S1')
                hp = {'f': f, 'stride': s}
                A_prev = V.PF_A.copy()
                A_out, cache = _pair(c, c.call(pool_forward, A_prev, dict(hp),
                                               mode), '(A, cache)')
                what = (f'A for A_prev (2, 5, 6, 2), f {f}, stride {s}, '
                        f'mode {mode!r}')
                c.shape(A_out, want.shape, what)
                c.close(A_out, want, what, _likely(A_out, [
                    (one[:, :want.shape[1], :want.shape[2]], STRIDE)],
                    'pool each example and channel on its own: reduce '
                    'over axes 1 and 2 only'))
                c.true(isinstance(cache, tuple) and len(cache) == 2 and
                       np.array_equal(cache[0], V.PF_A) and cache[1] == hp,
                       'cache should be the pair (A_prev, hparameters)')
                _unchanged(c, [A_prev], [V.PF_A], 'A_prev')


def conv_backward(conv_backward):
    """(Optional) Check dA_prev, dW and db on a fixed layer."""
    with check('conv_backward', optional=True) as c:
        hp = {'stride': 2, 'pad': 1}
        cache = (V.CB_A.copy(), V.CB_W.copy(), V.CB_B.copy(), dict(hp))
        out = c.call(conv_backward, V.CB_DZ.copy(), cache)
        c.true(isinstance(out, tuple) and len(out) == 3,
               'return the triple (dA_prev, dW, db)')
        dA_prev, dW, db = out
        c.shape(dA_prev, V.CB_A.shape, 'dA_prev', 'the shape of A_prev: '
                'cut the padding off dA_prev_pad')
        c.shape(dW, V.CB_W.shape, 'dW', 'the shape of W')
        c.shape(db, V.CB_B.shape, 'db', 'the shape of b, (1, 1, 1, n_C)')
        c.close(db, V.CB_DB, 'db', 'db[..., c] is the sum of dZ[..., c] '
                'over examples and positions')
        c.close(dW, V.CB_DW, 'dW', 'dW[..., c] += window * dZ[i, h, w, c], '
                'the window taken from the padded input')
        c.close(dA_prev, V.CB_DA_PREV, 'dA_prev', 'dA_prev_pad[window] += '
                'W[..., c] * dZ[i, h, w, c], then cut the padding off')
        no_pad = (V.CB_A.copy(), V.CB_W.copy(), V.CB_B.copy(),
                  {'stride': 1, 'pad': 0})
        dZ = np.ones((2, 2, 3, 3))  # (m, n_H, n_W, n_C) for pad 0, stride 1
        out = c.call(conv_backward, dZ, no_pad)
        c.shape(out[0], V.CB_A.shape, 'dA_prev with pad 0', 'with pad 0, '
                'A[pad:-pad] is empty: slice with pad:pad + n_H_prev')


def create_mask_from_window(create_mask_from_window):
    """(Optional) Check the mask marks the maximum only."""
    with check('create_mask_from_window', optional=True) as c:
        x = np.array([[1.0, 3.0], [4.0, 2.0]])
        mask = c.call(create_mask_from_window, x)
        c.shape(mask, (2, 2), 'the mask of a 2 x 2 window')
        c.true(np.array_equal(mask, [[False, False], [True, False]]),
               f'the mask of [[1, 3], [4, 2]] should be True only at the 4, '
               f'got {np.asarray(mask).tolist()}')
        x = np.array([[-5.0, -1.0, -3.0], [-2.0, -4.0, -6.0],
                      [-7.0, -8.0, -9.0]])
        mask = c.call(create_mask_from_window, x)
        c.true(np.array_equal(mask, x == -1.0), 'with negative values the '
               'mask should still mark the largest one (-1)')


def distribute_value(distribute_value):
    """(Optional) Check the value is spread evenly."""
    with check('distribute_value', optional=True) as c:
        a = c.call(distribute_value, 2.0, (2, 2))
        c.shape(a, (2, 2), 'distribute_value(2.0, (2, 2))')
        c.close(a, np.full((2, 2), 0.5), 'distribute_value(2.0, (2, 2))',
                'every entry is dz / (n_H * n_W)')
        a = c.call(distribute_value, 3.0, (3, 2))
        c.shape(a, (3, 2), 'distribute_value(3.0, (3, 2))')
        c.close(a, np.full((3, 2), 0.5), 'distribute_value(3.0, (3, 2))',
                'divide by n_H * n_W, the number of entries')


def pool_backward(pool_backward):
    """(Optional) Check both modes with overlapping windows."""
    with check('pool_backward', optional=True) as c:
        cache = (np.arange(16.0).reshape(1, 4, 4, 1), {'f': 2, 'stride': 2})
        dA = np.ones((1, 2, 2, 1))
        got = c.call(pool_backward, dA.copy(), cache, 'max')
        c.shape(got, (1, 4, 4, 1), 'dA_prev', 'the shape of A_prev')
        want = np.zeros((4, 4))
        want[1::2, 1::2] = 1.0  # the maxima 5, 7, 13, 15
        c.close(np.asarray(got)[0, :, :, 0], want, "dA_prev with mode "
                "'max' on [[0, 1, 2, 3], ...], f 2, stride 2",
                'only the maximum of each window receives the gradient')
        got = c.call(pool_backward, dA.copy(), cache, 'average')
        c.close(np.asarray(got)[0, :, :, 0], np.full((4, 4), 0.25),
                "dA_prev with mode 'average'", 'every entry of a window '
                'receives g / (f * f)')
        cache = (V.PB_A.copy(), {'f': 3, 'stride': 2})
        for mode in ('max', 'average'):
            got = c.call(pool_backward, V.PB_DA.copy(), cache, mode)
            c.close(got, getattr(V, f'PB_{mode.upper()}'), f'dA_prev with '
                    f'mode {mode!r}, f 3, stride 2 (overlapping windows)',
                    'add (+=) into dA_prev: overlapping windows each '
                    'contribute')
