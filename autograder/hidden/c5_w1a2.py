"""Hidden checks for C5_W1A2, Dinosaurus Island (character-level RNN).

Every call gets a fresh vocabulary size, number of hidden units and values.
The notebook fixes everything that a correct answer could do differently
where it matters: `sample` calls np.random.seed(seed) once and draws each
character with one np.random.choice, `model` shuffles a copy with np.random.seed(0) and starts
every name from a zero state. So results are compared with our reference
exactly; checks of properties (bounds, lengths, the newline at the end,
arguments left alone, in-place update) come first, so the message says what
is wrong before it says that a value differs.
"""
import numpy as np

from ..checking import Registry

checks = Registry()

KEYS = ('dWax', 'dWaa', 'dWya', 'db', 'dby')
PARAMS = ('Wax', 'Waa', 'Wya', 'b', 'by')
LETTERS = 'abcdefghijklmnopqrstuvwxyz'


def _vocab(t, size, newline_at=0):
    """char_to_ix, ix_to_char for '\\n' plus size - 1 letters."""
    chars = list(LETTERS[:size - 1])
    chars.insert(newline_at, '\n')
    c2i = {c: i for i, c in enumerate(chars)}
    return c2i, {i: c for c, i in c2i.items()}


def _params(t, n_a, V, scale=1.0):
    return {'Wax': t.rng.normal(0, scale, (n_a, V)),
            'Waa': t.rng.normal(0, scale / np.sqrt(n_a), (n_a, n_a)),
            'Wya': t.rng.normal(0, 1.5 * scale, (V, n_a)),
            'b': t.rng.normal(0, 0.3, (n_a, 1)),
            'by': t.rng.normal(0, 0.3, (V, 1))}


def _grads(t, n_a, V, spread):
    return {'dWax': t.rng.normal(0, spread, (n_a, V)),
            'dWaa': t.rng.normal(0, spread, (n_a, n_a)),
            'dWya': t.rng.normal(0, spread, (V, n_a)),
            'db': t.rng.normal(0, spread, (n_a, 1)),
            'dby': t.rng.normal(0, spread, (V, 1))}


def _same(a, b):
    try:
        return np.shape(a) == np.shape(b) and np.allclose(a, b)
    except (TypeError, ValueError):
        return False


def _dict_unchanged(t, label, after, before, hint, weight=1):
    ok = isinstance(after, dict) and set(after) == set(before) and all(
        _same(after[k], v) for k, v in before.items())
    t.check(label, ok, hint, weight=weight)


def _keys(t, label, value, keys):
    t.require(f'{label} is a dict with {", ".join(keys)}',
              isinstance(value, dict) and all(k in value for k in keys),
              ('missing ' + ', '.join(k for k in keys if k not in value))
              if isinstance(value, dict) else
              f'expected a dict, got {type(value).__name__}')


# ------------------------------------------------------------------ clip

@checks('clip')
def clip(t):
    for max_value in (float(np.round(t.rng.uniform(0.5, 4), 2)),
                      int(t.rng.integers(6, 12))):
        n_a, V = (int(v) for v in t.rng.choice(np.arange(3, 10), 2,
                                              replace=False))
        given = _grads(t, n_a, V, 1.5 * max_value)
        tag = f'maxValue={max_value}, n_a={n_a}, vocab={V}'
        with t.case():
            out = t.call(given, max_value, label=f'{tag}: runs')
            _dict_unchanged(t, f'{tag}: gradients passed in left unchanged',
                            (t.args_after or [None])[0], given,
                            'your clip changed the arrays it was given — '
                            'clip a copy (copy.deepcopy(gradients)); a '
                            'shallow dict copy still shares the arrays',
                            weight=2)
            _keys(t, f'{tag}: result', out, KEYS)
            ref = t.ref(given, max_value)
            for k in KEYS:
                g = given[k]
                t.shape(f'{tag}: {k} shape', out[k], g.shape)
                got = np.asarray(out[k], dtype=float)
                inside = np.abs(g) <= max_value
                t.check(f'{tag}: {k} within [-maxValue, maxValue]',
                        np.all(np.abs(got) <= max_value + 1e-12),
                        f'{k} has entries beyond ±{max_value} — is {k} '
                        'clipped? np.clip returns a new array unless '
                        'out= is given')
                t.check(f'{tag}: {k} entries inside the range unchanged',
                        np.allclose(got[inside], g[inside]),
                        'entries already inside [-maxValue, maxValue] must '
                        'keep their value')
                t.close(f'{tag}: {k}', got, ref[k],
                        via=lambda f, k=k: f(given, max_value)[k],
                        hint='np.clip(g, -maxValue, maxValue) for every '
                        'gradient')
    n_a, V = 4, 6
    small = _grads(t, n_a, V, 0.1)
    tag = 'every entry already inside the range'
    with t.case():
        out = t.call(small, 3.0, label=f'{tag}: runs')
        _keys(t, f'{tag}: result', out, KEYS)
        t.check(f'{tag}: returned as given', all(
            _same(out[k], small[k]) for k in KEYS),
            'nothing should change when no entry exceeds maxValue')


# ---------------------------------------------------------------- sample

def _indices(t, tag, got, expected, via, newline):
    """A list of ints, ending with the newline, equal to ours."""
    t.require(f'{tag}: returns a list of indices',
              isinstance(got, (list, tuple, np.ndarray)) and all(
                  isinstance(i, (int, np.integer)) or (
                      isinstance(i, (float, np.floating))
                      and float(i).is_integer()) for i in got),
              f'expected a list of ints, got {type(got).__name__}')
    got = [int(i) for i in got]
    t.check(f'{tag}: ends with the newline', bool(got) and
            got[-1] == newline, "the last index must be the newline's "
            "(char_to_ix['\\n']); append it when 50 characters are reached")
    t.check(f'{tag}: at most 51 indices', len(got) <= 51,
            f'{len(got)} indices: stop after 50 drawn characters')
    if got == expected:
        t.check(f'{tag}: the sampled name', True, weight=2)
        return
    k = next((i for i, (a, b) in enumerate(zip(got, expected)) if a != b),
             min(len(got), len(expected)))
    cause = t.diagnose(got, via)
    t.check(f'{tag}: the sampled name', False,
            f'expected {len(expected)} indices, got {len(got)}; first '
            f'difference at step {k}' + (
                f' — likely cause: {cause}' if cause else
                ' — call np.random.seed(seed) once before the loop, draw '
                'with np.random.choice(vocab_size, p=y.ravel()), feed back '
                'the one-hot of the drawn index and carry a_prev = a'),
            weight=2)


@checks('sample')
def sample(t):
    def one(tag, params, c2i, seed, full=False):
        newline = c2i['\n']
        with t.case():
            got = t.call(params, c2i, seed, label=f'{tag}: runs')
            _dict_unchanged(t, f'{tag}: parameters left unchanged',
                            (t.args_after or [None])[0], params,
                            'sample must not change the parameters')
            expected = [int(i) for i in t.ref(params, c2i, seed)]
            _indices(t, tag, got, expected,
                     lambda f: f(params, c2i, seed), newline)
            if full:
                t.check(f'{tag}: 50 characters, then the newline appended',
                        len(got) == 51 and newline not in list(got)[:-1],
                        f'got {len(got)} indices: draw at most 50 '
                        'characters, then append the newline\'s index')

    for i in range(3):   # ordinary names
        n_a, V = int(t.rng.integers(3, 12)), int(t.rng.integers(5, 15))
        c2i, _ = _vocab(t, V)
        params = _params(t, n_a, V)
        params['by'][0] += 1.0   # names of a few characters
        one(f'n_a={n_a}, vocab={V}, seed={i * 7 + 2}', params, c2i,
            i * 7 + 2)
    n_a, V = 6, 9
    c2i, _ = _vocab(t, V)
    params = _params(t, n_a, V)
    params['by'][0] = -40.0   # the newline is never drawn
    one('the newline never drawn (by of the newline -40)', params, c2i,
        int(t.rng.integers(0, 100)), full=True)
    params = _params(t, n_a, V)
    params['by'][0] = 40.0    # the newline comes first
    one('the newline drawn at once (by of the newline +40)', params, c2i, 5)
    c2i, _ = _vocab(t, 7, newline_at=3)
    params = _params(t, 5, 7)
    params['by'][3] += 1.0
    one("the newline at index 3 (read it from char_to_ix['\\n'])", params,
        c2i, 13)


# -------------------------------------------------------------- optimize

def _example(t, V, length, newline=0):
    letters = [int(i) for i in t.rng.integers(1, V, length)]
    X = [None] + letters
    return X, X[1:] + [newline]


@checks('optimize')
def optimize(t):
    for lr, pass_lr in ((float(np.round(t.rng.uniform(0.02, 0.09), 3)),
                         True), (0.01, False)):
        n_a, V = int(t.rng.integers(3, 9)), int(t.rng.integers(5, 12))
        params = _params(t, n_a, V, scale=2.0)   # some gradients beyond 5
        X, Y = _example(t, V, int(t.rng.integers(12, 20)))
        a_prev = t.rng.normal(0, 0.5, (n_a, 1))
        args = (X, Y, a_prev, params) + ((lr,) if pass_lr else ())
        tag = (f'n_a={n_a}, vocab={V}, {len(X)} steps, ' +
               (f'learning_rate={lr}' if pass_lr else 'default '
                'learning_rate'))
        with t.case():
            out = t.call(*args, label=f'{tag}: runs')
            after = t.args_after or [None] * 4
            loss, grads, a_last = t.unpack(
                f'{tag}: returns (loss, gradients, a_last)', out, 3)
            ref_loss, ref_grads, ref_a = t.ref(*args)
            t.close(f'{tag}: loss', loss, ref_loss,
                    via=lambda f: f(*args)[0],
                    hint='the loss rnn_forward returns, before the update')
            _keys(t, f'{tag}: gradients', grads, KEYS)
            t.check(f'{tag}: gradients within [-5, 5]', all(
                np.max(np.abs(np.asarray(grads[k], dtype=float))) <= 5 + 1e-9
                for k in KEYS), 'clip the gradients with clip(gradients, 5)')
            for k in KEYS:
                t.close(f'{tag}: {k}', grads[k], ref_grads[k],
                        via=lambda f, k=k: f(*args)[1][k],
                        hint='the clipped gradients of rnn_backward')
            t.shape(f'{tag}: a_last shape', a_last, (n_a, 1))
            t.close(f'{tag}: a_last', a_last, ref_a,
                    via=lambda f: f(*args)[2],
                    hint='the state after the last character, '
                    'a[len(X) - 1] (a[-1] is the initial state)')
            t.check(f'{tag}: a_prev left unchanged', _same(after[2], a_prev),
                    'optimize changed a_prev')
            new = after[3]
            t.require(f'{tag}: parameters still a dict with the 5 weights',
                      isinstance(new, dict) and all(k in new for k in PARAMS),
                      'keep updating the dict that was passed in')
            t.check(f'{tag}: parameters updated in place', not all(
                _same(new[k], params[k]) for k in PARAMS),
                'the parameters passed in did not change — '
                'update_parameters(parameters, gradients, learning_rate) '
                'updates that dict in place')
            for k in PARAMS:
                expected = params[k] - lr * ref_grads['d' + k]
                t.close(f'{tag}: parameters[{k!r}] after the step', new[k],
                        expected, via=lambda f, k=k: _updated(f, args)[k],
                        hint=f'{k} -= learning_rate * d{k}, with the clipped '
                        'gradient and the learning_rate argument')


def _updated(f, args):
    """The parameters after calling `f` on a copy of `args`."""
    X, Y, a_prev, params = args[:4]
    copy = {k: np.array(v) for k, v in params.items()}
    f(list(X), list(Y), np.array(a_prev), copy, *args[4:])
    return copy


# ----------------------------------------------------------------- model

def _names(t, V, count, lo, hi):
    letters = LETTERS[:V - 1]
    names = set()
    while len(names) < count:
        n = int(t.rng.integers(lo, hi + 1))
        names.add(''.join(letters[int(i)] for i in t.rng.integers(
            0, V - 1, n)))
    return sorted(names)


def _codes(name):
    """A name as numbers (mutants are matched on numbers)."""
    return [ord(c) for c in str(name).strip().lower()]


def _flat(params):
    """The five trained arrays as one vector (mutants are matched on it)."""
    return np.concatenate([np.ravel(np.asarray(params[k], dtype=float))
                           for k in PARAMS])


def _model_case(t, tag, data, c2i, i2c, diagnose=True, **kwargs):
    """One training run, compared with ours; `diagnose`: name a likely
    cause by rerunning the mutants (off for long runs)."""
    V = len(c2i)
    args = (data, i2c, c2i)

    def run(f):
        return f(*args, vocab_size=V, **kwargs)

    with t.case():
        out = t.call(*args, vocab_size=V, label=f'{tag}: runs', **kwargs)
        after = t.args_after or [None]
        t.check(f'{tag}: data_x left unchanged', list(after[0] or []) ==
                data, 'model shuffled or changed the list it was given — '
                'shuffle a copy (examples = [...] built from data_x)')
        params, last = t.unpack(f'{tag}: returns (parameters, '
                                'last_dino_name)', out, 2)
        ref_params, ref_last = t.ref(*args, vocab_size=V, **kwargs)
        _keys(t, f'{tag}: parameters', params, PARAMS)
        for k in PARAMS:
            t.shape(f'{tag}: {k} shape', params[k], ref_params[k].shape,
                    hint='initialize_parameters(n_a, vocab_size, '
                    'vocab_size)')
        same = all(_same(params[k], ref_params[k]) for k in PARAMS)
        cause = None if same or not diagnose else t.diagnose(
            _flat(params), lambda f: _flat(run(f)[0]))
        hint = (f'likely cause: {cause}' if cause else 'shuffle a copy '
                'after np.random.seed(0); take examples[j % len(examples)]; '
                'X = [None] + indices, Y = X[1:] + [newline]; a zero a_prev '
                'for every name; learning_rate=0.01')
        for k in ('by', 'Wya', 'Wax', 'Waa', 'b'):
            t.close(f'{tag}: trained {k}', params[k], ref_params[k],
                    hint=hint)
        t.type(f'{tag}: last_dino_name is a str', last, str)
        ok = last.strip().lower() == ref_last.strip().lower()
        cause = None if ok or not diagnose else t.diagnose(
            _codes(last), lambda f: _codes(run(f)[1]))
        t.check(f'{tag}: last_dino_name', ok,
                f'expected {ref_last.strip()!r}, got {last.strip()!r} — ' + (
                    f'likely cause: {cause}' if cause else 'sample after '
                    'the update of every iteration j with j % 2000 == 0, '
                    'with seeds 0 … dino_names - 1, and return the last'),
                weight=2)


@checks('model')
def model(t):
    V = int(t.rng.integers(12, 20))
    c2i, i2c = _vocab(t, V)
    data = _names(t, V, int(t.rng.integers(5, 9)), 4, 9)
    # 150 updates on names of 4-9 letters over 11-18 letters change the
    # weights enough that a name sampled after another iteration than 0
    # differs from ours
    _model_case(t, f'{len(data)} names, vocab={V}, 150 iterations', data,
                c2i, i2c, num_iterations=150, n_a=int(t.rng.integers(3, 7)),
                dino_names=4)
    data = _names(t, 5, 3, 1, 3)
    c2i, i2c = _vocab(t, 5)
    _model_case(t, '3 short names, vocab=5, 2001 iterations (samples at 0 '
                'and 2000)', data, c2i, i2c, diagnose=False,
                num_iterations=2001, n_a=3, dino_names=2)
