"""Public checks for C5_W1A1, Building a Recurrent Neural Network step by
step.

One function per graded function: ``checks.rnn_cell_forward(
rnn_cell_forward)``. Each runs type, shape, values on a fixed small input
(expected numbers in ``_c5_w1a1_values``, computed once with our reference),
the cache layout and the arguments, and stops at the first problem with a
message naming the likely cause. Layout: one example per column, the time
step last, so ``x`` is ``(n_x, m, T_x)``.
"""
import numpy as np

from . import _c5_w1a1_values as V
from ._base import check
from ._hints import likely as _likely
from ..rnn_utils import sigmoid, softmax

RNN_ORDER = 'cache = (a_next, a_prev, xt, parameters), in this order'
LSTM_ORDER = ('cache = (a_next, c_next, a_prev, c_prev, ft, it, cct, ot, '
              'xt, parameters), in this order')


def _copy(params):
    return {k: v.copy() for k, v in params.items()}


def _tuple(c, value, n, what):
    c.true(isinstance(value, (tuple, list)) and len(value) == n,
           f'return {what}: {n} values.')
    return value


def _same(got, want):
    return np.shape(got) == np.shape(want) and np.allclose(got, want)


def _unchanged(c, given, originals):
    for got, want in zip(given, originals):
        same = (all(_same(got[k], v) for k, v in want.items())
                if isinstance(want, dict) else _same(got, want))
        c.true(same, 'an argument changed during the call — build new '
               'arrays (a = a + ...) instead of writing into the inputs.')


def _columns(c, y, what):
    c.true(np.allclose(np.sum(y, axis=0), 1), f'the columns of {what} '
           'should each sum to 1 (one column per example) — apply softmax '
           '(from rnn_utils, over axis 0) to W a + b.')


def _cache(c, cache, expected, order):
    names = order.split('(')[1].split(')')[0].split(', ')
    _tuple(c, cache, len(names), f'the {order}')
    for got, want, name in zip(cache, expected, names):
        c.true(_same(got, want), f'the cache entry {name!r} is wrong — '
               f'{order}.')
    c.true(isinstance(cache[-1], dict), f'the last cache entry should be '
           f'the parameters dict — {order}.')


def rnn_cell_forward(rnn_cell_forward):
    """Check a_next, yt_pred and the cache of one RNN step."""
    with check('rnn_cell_forward') as c:
        P = V.RC_PARAMS
        args = (V.RC_XT.copy(), V.RC_A_PREV.copy(), _copy(P))
        out = _tuple(c, c.call(rnn_cell_forward, *args), 3,
                     '(a_next, yt_pred, cache)')
        a_next, yt, cache = out
        _unchanged(c, args, (V.RC_XT, V.RC_A_PREV, P))
        c.shape(a_next, (4, 3), 'a_next for n_a = 4, m = 3',
                'Wax @ xt + Waa @ a_prev + ba has shape (n_a, m)')
        z = np.arctanh(V.RC_A_NEXT)  # the pre-activation behind a_next
        c.close(a_next, V.RC_A_NEXT, 'a_next on a fixed input', _likely(
            a_next, [(sigmoid(z), 'sigmoid instead of tanh'),
                     (np.tanh(z - P['ba']), 'the bias ba is missing')],
            'a_next = tanh(Wax xt + Waa a_prev + ba)'))
        c.shape(yt, (2, 3), 'yt_pred for n_y = 2, m = 3',
                'Wya @ a_next + by has shape (n_y, m)')
        scores = P['Wya'] @ V.RC_A_NEXT + P['by']
        c.close(yt, V.RC_YT, 'yt_pred on a fixed input', _likely(yt, [
            (softmax(P['Wya'] @ V.RC_A_PREV + P['by']), 'yt_pred is read '
             'off a_prev; it uses the new state a_next'),
            (scores, 'the softmax is missing'),
            (softmax(scores.T).T, 'softmax over the examples (axis 1); use '
             'softmax from rnn_utils')],
            'yt_pred = softmax(Wya a_next + by)'))
        _columns(c, yt, 'yt_pred')
        _cache(c, cache, (V.RC_A_NEXT, V.RC_A_PREV, V.RC_XT), RNN_ORDER)


def _loop_hint(lstm):
    return ('step t reads x[:, :, t] and the a' + (' and c' if lstm else '')
            + ' that step t - 1 returned; store every step at index t')


def rnn_forward(rnn_forward):
    """Check a, y_pred and the caches of the RNN over 4 time steps."""
    with check('rnn_forward') as c:
        P = V.RF_PARAMS
        args = (V.RF_X.copy(), V.RF_A0.copy(), _copy(P))
        out = _tuple(c, c.call(rnn_forward, *args), 3,
                     '(a, y_pred, caches)')
        a, y_pred, caches = out
        _unchanged(c, args, (V.RF_X, V.RF_A0, P))
        c.shape(a, (3, 2, 4), 'a for n_a = 3, m = 2, T_x = 4',
                'a = np.zeros((n_a, m, T_x))')
        c.shape(y_pred, (2, 2, 4), 'y_pred for n_y = 2, m = 2, T_x = 4',
                'y_pred = np.zeros((n_y, m, T_x))')
        c.close(a[:, :, 0], V.RF_A[:, :, 0], 'a[:, :, 0]', 'step 0 reads '
                'x[:, :, 0] and a0')
        # every step from a0 instead of the previous state
        from_a0 = np.tanh(np.einsum('ij,jmt->imt', P['Wax'], V.RF_X)
                          + (P['Waa'] @ V.RF_A0 + P['ba'])[:, :, None])
        c.close(a, V.RF_A, 'a over the 4 steps', _likely(a, [
            (from_a0, 'the state is not carried: every step starts from a0 '
             'instead of the previous a_next')], _loop_hint(False)))
        c.true(np.any(y_pred[:, :, -1]), 'y_pred[:, :, -1] is all zeros — '
               'store yt_pred in y_pred[:, :, t] at every step.')
        c.close(y_pred, V.RF_Y, 'y_pred over the 4 steps', _loop_hint(False))
        c.true(isinstance(caches, tuple) and len(caches) == 2,
               'caches should be the pair (list of caches, x).')
        c.true(isinstance(caches[0], list) and len(caches[0]) == 4,
               'caches[0] should be a list with one cache per step (4).')
        c.true(_same(caches[1], V.RF_X), 'caches[1] should be x.')


def lstm_cell_forward(lstm_cell_forward):
    """Check the gates, c_next, a_next, yt_pred and the cache of one LSTM
    step."""
    with check('lstm_cell_forward') as c:
        P = V.LC_PARAMS
        args = (V.LC_XT.copy(), V.LC_A_PREV.copy(), V.LC_C_PREV.copy(),
                _copy(P))
        out = _tuple(c, c.call(lstm_cell_forward, *args), 4,
                     '(a_next, c_next, yt_pred, cache)')
        a_next, c_next, yt, cache = out
        _unchanged(c, args, (V.LC_XT, V.LC_A_PREV, V.LC_C_PREV, P))
        for got, name in ((a_next, 'a_next'), (c_next, 'c_next')):
            c.shape(got, (4, 3), f'{name} for n_a = 4, m = 3')
        c.shape(yt, (2, 3), 'yt_pred for n_y = 2, m = 3')
        _tuple(c, cache, 10, f'the {LSTM_ORDER}')
        gates = ((4, 'ft', V.LC_FT, 'forget'), (5, 'it', V.LC_IT, 'update'),
                 (7, 'ot', V.LC_OT, 'output'))
        for k, name, want, gate in gates:
            logit = np.log(want / (1 - want))
            c.close(cache[k], want, f'the {gate} gate {name} (cache[{k}])',
                    _likely(cache[k], [(np.tanh(logit), f'the {gate} gate '
                                        'uses tanh; every gate is a sigmoid')],
                            f'{name} = sigmoid(W{name[0]} concat + '
                            f'b{name[0]}) with concat = [a_prev; xt], '
                            f'state first — {LSTM_ORDER}'))
        c.close(cache[6], V.LC_CCT, 'the candidate cct (cache[6])', _likely(
            cache[6], [(sigmoid(np.arctanh(V.LC_CCT)), 'the candidate uses '
                        'sigmoid; cct = tanh(Wc concat + bc)')],
            f'cct = tanh(Wc concat + bc) — {LSTM_ORDER}'))
        c.close(c_next, V.LC_C_NEXT, 'c_next', _likely(c_next, [
            (V.LC_IT * V.LC_CCT, 'c_prev is forgotten: c_next = ft * c_prev '
             '+ it * cct')], 'c_next = ft * c_prev + it * cct'))
        c.close(a_next, V.LC_A_NEXT, 'a_next', _likely(a_next, [
            (V.LC_OT * V.LC_C_NEXT, 'the tanh of the cell is missing'),
            (V.LC_OT * np.tanh(V.LC_C_PREV), 'a_next uses c_prev instead '
             'of c_next')], 'a_next = ot * tanh(c_next)'))
        c.close(yt, V.LC_YT, 'yt_pred', 'yt_pred = softmax(Wy a_next + by)')
        _columns(c, yt, 'yt_pred')
        _cache(c, cache, (V.LC_A_NEXT, V.LC_C_NEXT, V.LC_A_PREV,
                          V.LC_C_PREV, V.LC_FT, V.LC_IT, V.LC_CCT, V.LC_OT,
                          V.LC_XT), LSTM_ORDER)


def lstm_forward(lstm_forward):
    """Check a, y, c and the caches of the LSTM over 4 time steps."""
    with check('lstm_forward') as c:
        P = V.LF_PARAMS
        args = (V.LF_X.copy(), V.LF_A0.copy(), _copy(P))
        out = _tuple(c, c.call(lstm_forward, *args), 4, '(a, y, c, caches)')
        a, y, cells, caches = out
        _unchanged(c, args, (V.LF_X, V.LF_A0, P))
        for got, name, rows in ((a, 'a', 'n_a'), (y, 'y', 'n_y'),
                                (cells, 'c', 'n_a')):
            c.shape(got, getattr(V, f'LF_{name.upper()}').shape,
                    f'{name} for n_a = 3, n_y = 2, m = 2, T_x = 4',
                    f'{name} = np.zeros(({rows}, m, T_x))')
        c.true(np.any(cells[:, :, -1]), 'c[:, :, -1] is all zeros — store '
               'c_next in c[:, :, t] at every step.')
        for got, name in ((a, 'a'), (cells, 'c')):
            c.close(got[:, :, 0], getattr(V, f'LF_{name.upper()}')[:, :, 0],
                    f'{name}[:, :, 0]', 'step 0 reads x[:, :, 0], a0 and '
                    'c = zeros (not x[:, :, t - 1], not a0 as the cell)')
        for got, name in ((a, 'a'), (cells, 'c'), (y, 'y')):
            c.close(got, getattr(V, f'LF_{name.upper()}'),
                    f'{name} over the 4 steps', _loop_hint(True))
        c.true(isinstance(caches, tuple) and len(caches) == 2,
               'caches should be the pair (list of caches, x).')
        c.true(isinstance(caches[0], list) and len(caches[0]) == 4,
               'caches[0] should be a list with one cache per step (4).')
        c.true(_same(caches[1], V.LF_X), 'caches[1] should be x.')
