"""Hidden checks for C5_W1A1, Building a Recurrent Neural Network step by step.

Every call gets fresh sizes (n_x, n_a, n_y, m, T_x all different, and once
with n_a = n_x so that swapped weights or a swapped [xt; a_prev] run instead
of crashing) and fresh values, compared with our reference: the outputs,
every cache entry, and the arguments, which must be left unchanged. Extra
calls isolate one term each (zeroed parameters), so that the message says
which term is wrong: only W_ax x, only W_aa a_prev, only the biases; in the
loops, W_aa = 0 (step t may only see x[:, :, t]) and W_ax = 0 (only the
carried state moves).
"""
import numpy as np

from ..checking import Registry

checks = Registry()

RNN_CACHE = ('a_next', 'a_prev', 'xt')
LSTM_CACHE = ('a_next', 'c_next', 'a_prev', 'c_prev', 'ft', 'it', 'cct',
              'ot', 'xt')
RNN_ORDER = 'cache = (a_next, a_prev, xt, parameters), in this order'
LSTM_ORDER = ('cache = (a_next, c_next, a_prev, c_prev, ft, it, cct, ot, '
              'xt, parameters), in this order')
PAIR = ('return caches = (list of the T_x step caches, x): a pair, the '
        'list first, one cache appended per step')


def _dims(t, square=False):
    """Distinct n_x, n_a, n_y, m, T_x (n_a = n_x when `square`)."""
    n_x, n_a, n_y, m, T_x = (int(v) for v in t.rng.choice(
        np.arange(2, 9), size=5, replace=False))
    return n_x, (n_x if square else n_a), n_y, m, T_x


def _rnn_params(t, n_x, n_a, n_y, zero=()):
    p = {'Wax': t.rng.normal(0, 1.2 / np.sqrt(n_x), (n_a, n_x)),
         'Waa': t.rng.normal(0, 1.2 / np.sqrt(n_a), (n_a, n_a)),
         'ba': t.rng.normal(0, 0.5, (n_a, 1)),
         'Wya': t.rng.normal(0, 1.5, (n_y, n_a)),
         'by': t.rng.normal(0, 0.5, (n_y, 1))}
    return {k: (np.zeros_like(v) if k in zero else v) for k, v in p.items()}


def _lstm_params(t, n_x, n_a, n_y, zero=()):
    p = {'Wy': t.rng.normal(0, 1.5, (n_y, n_a)),
         'by': t.rng.normal(0, 0.5, (n_y, 1))}
    for g in 'fico':
        p['W' + g] = t.rng.normal(0, 1.2 / np.sqrt(n_a + n_x),
                                  (n_a, n_a + n_x))
        p['b' + g] = t.rng.normal(0, 0.8, (n_a, 1))
    return {k: (np.zeros_like(v) if k in zero else v) for k, v in p.items()}


def _tuple(t, label, value, n, hint):
    """value as a tuple/list of n items, or abort with `hint`."""
    ok = isinstance(value, (tuple, list)) and len(value) == n
    got = (f'{len(value)} values' if isinstance(value, (tuple, list))
           else type(value).__name__)
    t.require(label, ok, f'expected {n} values, got {got} — {hint}')
    return value


def _value(t, label, got, expected, shape, via, hint):
    """Shape, then values (the likely cause comes from the mutants)."""
    t.shape(f'{label} shape', got, shape, via=via)
    t.close(label, got, expected, via=via, hint=hint)


def _columns_sum_to_one(t, label, y):
    y = np.asarray(y, dtype=float)
    ok = y.ndim >= 2 and np.allclose(y.sum(axis=0), 1)
    t.check(f'{label}: every column sums to 1', ok, 'the probabilities of '
            'one example are a column — apply softmax over axis 0 (the '
            'softmax of rnn_utils does), to W a + b')


def _params_kept(t, label, got, params):
    ok = isinstance(got, dict) and set(got) == set(params) and all(
        np.shape(got[k]) == v.shape and np.allclose(got[k], v)
        for k, v in params.items())
    t.check(f'{label} is the parameters dict', ok, 'the last cache entry '
            'is the parameters dict as it was passed in')


def _unchanged(t, tag, args):
    after = t.args_after or []
    same = len(after) == len(args) and all(
        (set(b) == set(a) and all(np.allclose(b[k], a[k]) for k in a))
        if isinstance(a, dict) else
        (np.shape(b) == a.shape and np.allclose(b, a))
        for a, b in zip(args, after))
    t.check(f'{tag}: arguments left unchanged', same, 'your function '
            'changed an input array or the parameters — compute new '
            'arrays (a = a + ...), do not write into the inputs')


def _cache_entries(t, tag, cache, expected, names, order, via):
    parts = _tuple(t, f'{tag}: cache has {len(names) + 1} entries', cache,
                   len(names) + 1, order)
    for i, name in enumerate(names):
        t.close(f'{tag}: cache[{i}] is {name}', parts[i], expected[i],
                via=lambda f, i=i: via(f)[i], hint=order)
    return parts


def _cell_case(t, tag, args, lstm):
    """One call of a cell: outputs, cache, arguments."""
    n_a, m = args[1].shape
    n_y = args[-1]['Wy' if lstm else 'Wya'].shape[0]
    names = ('a_next', 'c_next', 'yt_pred') if lstm else ('a_next', 'yt_pred')
    with t.case():
        out = t.call(*args, label=f'{tag}: runs')
        _unchanged(t, tag, args)
        got = _tuple(t, f'{tag}: returns ({", ".join(names)}, cache)', out,
                     len(names) + 1, 'return the outputs, then the cache')
        ref = t.ref(*args)
        for i, name in enumerate(names):
            shape = (n_y, m) if name == 'yt_pred' else (n_a, m)
            _value(t, f'{tag}: {name}', got[i], ref[i], shape,
                   lambda f, i=i: f(*args)[i],
                   'compare each term with the equations')
        _columns_sum_to_one(t, f'{tag}: yt_pred', got[len(names) - 1])
        parts = _cache_entries(
            t, tag, got[-1], ref[-1], LSTM_CACHE if lstm else RNN_CACHE,
            LSTM_ORDER if lstm else RNN_ORDER,
            lambda f: f(*args)[-1])
        _params_kept(t, f'{tag}: cache[{len(parts) - 1}]', parts[-1],
                     args[-1])


@checks('rnn_cell_forward')
def rnn_cell_forward(t):
    for square in (False, True):
        n_x, n_a, n_y, m, _ = _dims(t, square)
        args = (t.rng.normal(size=(n_x, m)), t.rng.normal(size=(n_a, m)),
                _rnn_params(t, n_x, n_a, n_y))
        _cell_case(t, f'n_x={n_x}, n_a={n_a}, n_y={n_y}, m={m}', args, False)
    n_x, n_a, n_y, m, _ = _dims(t)
    xt, a_prev = t.rng.normal(size=(n_x, m)), t.rng.normal(size=(n_a, m))
    for term, zero in (('W_ax x', ('Waa', 'ba')),
                       ('W_aa a_prev', ('Wax', 'ba')),
                       ('b_a', ('Wax', 'Waa')), ('b_y', ('Wya',))):
        args = (xt, a_prev, _rnn_params(t, n_x, n_a, n_y, zero))
        tag = f'only {term} (zeroed {", ".join(zero)})'
        with t.case():
            out = _tuple(t, f'{tag}: returns 3 values', t.call(
                *args, label=f'{tag}: runs'), 3, 'return (a_next, yt_pred, '
                'cache)')
            ref = t.ref(*args)
            k = 1 if term == 'b_y' else 0
            name = ('a_next', 'yt_pred')[k]
            t.close(f'{tag}: {name}', out[k], ref[k],
                    via=lambda f, a=args, k=k: f(*a)[k],
                    hint=f'with the other terms zero, {name} checks the '
                    f'{term} term alone')


def _loop_case(t, tag, args, lstm):
    """One call of a forward loop: outputs, step caches, arguments."""
    x, a0, params = args
    n_x, m, T_x = x.shape
    n_a = a0.shape[0]
    n_y = params['Wy' if lstm else 'Wya'].shape[0]
    names = ('a', 'y', 'c') if lstm else ('a', 'y_pred')
    with t.case():
        out = t.call(*args, label=f'{tag}: runs')
        _unchanged(t, tag, args)
        got = _tuple(t, f'{tag}: returns ({", ".join(names)}, caches)', out,
                     len(names) + 1, 'return the arrays, then caches')
        ref = t.ref(*args)
        for i, name in enumerate(names):
            shape = (n_y if name[0] == 'y' else n_a, m, T_x)
            _value(t, f'{tag}: {name}', got[i], ref[i], shape,
                   lambda f, i=i: f(*args)[i],
                   f'{name}[:, :, t] holds the value of step t, for every t')
            t.close(f'{tag}: {name}[:, :, 0]', got[i][:, :, 0],
                    ref[i][:, :, 0], via=lambda f, i=i: f(*args)[i][:, :, 0],
                    hint='the first step reads '
                    'x[:, :, 0] and a0' + (' and c = 0' if lstm else ''))
        caches = _tuple(t, f'{tag}: caches is a pair', got[-1], 2, PAIR)
        steps = caches[0]
        t.require(f'{tag}: one cache per step',
                  isinstance(steps, list) and len(steps) == T_x,
                  f'expected a list of {T_x} caches — {PAIR}')
        t.close(f'{tag}: caches[1] is x', caches[1], x, hint=PAIR)
        for step in sorted({0, T_x - 1}):
            with t.case():
                _cache_entries(t, f'{tag}: step {step}', steps[step],
                               ref[-1][0][step],
                               LSTM_CACHE if lstm else RNN_CACHE,
                               LSTM_ORDER if lstm else RNN_ORDER,
                               lambda f, s=step: f(*args)[-1][0][s])


def _loop_spec(t, lstm):
    make = _lstm_params if lstm else _rnn_params
    for square in (False, True):
        n_x, n_a, n_y, m, T_x = _dims(t, square)
        args = (t.rng.normal(size=(n_x, m, T_x)),
                t.rng.normal(size=(n_a, m)), make(t, n_x, n_a, n_y))
        _loop_case(t, f'x {args[0].shape}, a0 {args[1].shape}', args, lstm)
    n_x, n_a, n_y, m, T_x = _dims(t)
    x, a0 = t.rng.normal(size=(n_x, m, T_x)), t.rng.normal(size=(n_a, m))
    for what, hint in (
            ('no recurrence', 'with nothing carried over, step t must '
             'read x[:, :, t]'),
            ('no input', 'only the carried state changes: pass the new '
             'state to the next step')):
        params = make(t, n_x, n_a, n_y)
        if lstm:   # columns :n_a of each W read a_prev, n_a: read xt
            for w in ('Wf', 'Wi', 'Wc', 'Wo'):
                cols = slice(0, n_a) if what == 'no recurrence' else \
                    slice(n_a, None)
                params[w][:, cols] = 0
        else:
            params['Waa' if what == 'no recurrence' else 'Wax'][:] = 0
        args = (x, a0, params)
        tag = f'{what} (zeroed the weights on ' + (
            'a_prev)' if what == 'no recurrence' else 'xt)')
        with t.case():
            out = t.call(*args, label=f'{tag}: runs')
            got = _tuple(t, f'{tag}: returns {4 if lstm else 3} values', out,
                         4 if lstm else 3, 'return the arrays, then caches')
            t.close(f'{tag}: a', got[0], t.ref(*args)[0],
                    via=lambda f, a=args: f(*a)[0], hint=hint)


@checks('rnn_forward')
def rnn_forward(t):
    _loop_spec(t, lstm=False)


@checks('lstm_cell_forward')
def lstm_cell_forward(t):
    for square in (False, True):
        n_x, n_a, n_y, m, _ = _dims(t, square)
        args = (t.rng.normal(size=(n_x, m)), t.rng.normal(size=(n_a, m)),
                t.rng.normal(size=(n_a, m)), _lstm_params(t, n_x, n_a, n_y))
        _cell_case(t, f'n_x={n_x}, n_a={n_a}, n_y={n_y}, m={m}', args, True)
    n_x, n_a, n_y, m, _ = _dims(t)
    args = (t.rng.normal(size=(n_x, m)), t.rng.normal(size=(n_a, m)),
            t.rng.normal(size=(n_a, m)),
            _lstm_params(t, n_x, n_a, n_y, zero=('Wf', 'Wi', 'Wc', 'Wo')))
    tag = 'biases only (every gate weight zero)'
    with t.case():
        out = _tuple(t, f'{tag}: returns 4 values', t.call(
            *args, label=f'{tag}: runs'), 4, 'return (a_next, c_next, '
            'yt_pred, cache)')
        ref = t.ref(*args)
        for k, name in ((1, 'c_next'), (0, 'a_next')):
            t.close(f'{tag}: {name}', out[k], ref[k],
                    via=lambda f, k=k: f(*args)[k],
                    hint='each gate uses its own bias: sigmoid(bf), '
                    'sigmoid(bi), tanh(bc), sigmoid(bo)')


@checks('lstm_forward')
def lstm_forward(t):
    _loop_spec(t, lstm=True)
