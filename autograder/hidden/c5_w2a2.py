"""Hidden checks for C5_W2A2, Emojify.

Every spec builds a fresh made-up vocabulary (2 to 12 dimensions, words of
random letters, indices a random permutation of 1 ... n, so neither the
order of a dictionary nor the size 50 can be relied on) and sentences with
unknown words, capitals, repeated words, sentences longer than max_len and
sentences without a known word. ``model`` trains for a few passes on a
fresh problem with 2 to 5 classes, twice after different outside seeds.
The Keras functions are graded by architecture, parameter counts and
outputs with our weights (``Trial.model``); before our weights are copied
in, the learner's own weights are checked: the embedding must return the
vectors, and Emojify_V2 must give the same output for two words that share
one vector (true only when the embedding holds the given vectors).

The sandbox cannot carry NumPy arrays of strings, so sentences travel as
lists of str (the notebook tells learners to use len(X) and X[i]).
"""
import copy

import numpy as np

from ..checking import Registry

checks = Registry()

LETTERS = np.array(list('abcdefghijklmnopqrstuvwxyz'))


def _words(t, n, taken=()):
    found = []
    while len(found) < n:
        w = ''.join(t.rng.choice(LETTERS, size=int(t.rng.integers(2, 8))))
        if w not in found and w not in taken:
            found.append(w)
    return found


def _vocab(t, n=None, dim=None):
    """(word_to_vec_map, word_to_index) of made-up words."""
    n = n or int(t.rng.integers(8, 20))
    dim = dim or int(t.rng.integers(2, 13))
    words = _words(t, n)
    vectors = {w: t.rng.normal(size=dim) * float(t.rng.uniform(0.5, 2))
               for w in words}
    order = t.rng.permutation(n) + 1
    index = {w: int(i) for w, i in zip(words, order)}
    return vectors, index


def _sentence(t, known, unknown, length, shout=False):
    """A sentence of `length` words, mostly known; some upper case."""
    out = []
    for _ in range(length):
        pool = known if not unknown or t.rng.random() < 0.75 else unknown
        w = str(t.rng.choice(pool))
        if shout and t.rng.random() < 0.4:
            w = w.upper() if t.rng.random() < 0.5 else w.title()
        out.append(w)
    return ' '.join(out)


def _same_args(a, b):
    if isinstance(a, dict):
        return (isinstance(b, dict) and list(a) == list(b) and
                all(_same_args(a[k], b[k]) for k in a))
    if isinstance(a, (list, tuple)):
        return (isinstance(b, (list, tuple)) and len(a) == len(b) and
                all(map(_same_args, a, b)))
    if isinstance(a, (str, int, float)):
        return a == b
    return np.shape(a) == np.shape(b) and np.array_equal(a, b)


def _unchanged(t, tag, args):
    after = t.args_after or []
    t.check(f'{tag}: arguments left unchanged', len(after) == len(args) and
            all(map(_same_args, args, after)), 'your function changed an '
            'argument — do not write into the stored vectors (avg = avg + '
            'e, not avg = e followed by avg += ...)')


def _kind(value):
    if isinstance(value, np.ndarray):
        return f'an array of shape {value.shape}'
    return f'a {type(value).__name__}'


# -------------------------------------------------------- sentence_to_avg

@checks('sentence_to_avg')
def sentence_to_avg(t):
    vectors, _ = _vocab(t)
    known = list(vectors)
    unknown = _words(t, 4, taken=known)
    w = known[0]
    cases = [('known and unknown words', _sentence(t, known, unknown, 6)),
             ('words in mixed case', _sentence(t, known, unknown, 5, True)),
             ('a repeated word', f'{w} {known[1]} {w} {w}'),
             ('one known word among unknown ones',
              f'{unknown[0]} {known[2].upper()} {unknown[1]}'),
             ('no known word', ' '.join(unknown)),
             ('extra spaces', f'  {known[3]}   {known[4]} ')]
    for tag, sentence in cases:
        args = (sentence, vectors)
        with t.case():
            got = t.call(*args, label=f'{tag}: runs')
            _unchanged(t, tag, args)
            t.type(f'{tag}: returns an array', got, np.ndarray,
                   'return the average vector')
            t.shape(f'{tag}: avg shape', got, (len(vectors[w]),),
                    via=lambda f, a=args: f(*a),
                    hint='the vectors here have another size than 50: read '
                    'it from word_to_vec_map')
            t.close(f'{tag}: avg', got, t.ref(*args),
                    via=lambda f, a=args: f(*a),
                    hint='the mean of the vectors of the known words of the '
                    'lower-cased sentence, every occurrence counted; zeros '
                    'when no word is known')


# ------------------------------------------------------------------ model

def _problem(t):
    vectors, _ = _vocab(t, n=int(t.rng.integers(10, 20)),
                        dim=int(t.rng.integers(3, 9)))
    known = list(vectors)
    unknown = _words(t, 3, taken=known)
    n_y = int(t.rng.integers(2, 6))
    m = int(t.rng.integers(n_y + 4, 16))
    X = [_sentence(t, known, unknown, int(t.rng.integers(2, 6)), True)
         for _ in range(m)]
    X[-1] = unknown[0]                      # no known word at all
    Y = np.concatenate([np.arange(n_y), t.rng.integers(0, n_y, m - n_y)])
    t.rng.shuffle(Y)
    return X, Y.astype(np.int64), vectors


@checks('model')
def model(t):
    for passes in (int(t.rng.integers(1, 3)), int(t.rng.integers(20, 40))):
        X, Y, vectors = _problem(t)
        rate = float(t.rng.uniform(0.01, 0.2))
        args = (X, Y, vectors)
        kwargs = {'learning_rate': rate, 'num_iterations': passes}
        n_y, n_h = len(np.unique(Y)), len(next(iter(vectors.values())))
        tag = f'{len(X)} sentences, {n_y} classes, {passes} passes'

        def run(f, a=args, k=kwargs):
            return f(*copy.deepcopy(a), **k)
        with t.case():
            out = t.call(*args, seed=0, label=f'{tag}: runs', **kwargs)
            _unchanged(t, tag, args)
            pred, W, b = t.unpack(f'{tag}: returns (pred, W, b)', out, 3)
            e_pred, e_W, e_b = t.ref(*args, **kwargs)
            t.shape(f'{tag}: W shape', W, (n_y, n_h), via=lambda f: run(f)[1],
                    hint='W = np.random.randn(n_y, n_h) / np.sqrt(n_h) with '
                    'n_y = len(np.unique(Y)) and n_h the vectors\' size')
            t.close(f'{tag}: trained W', W, e_W, via=lambda f: run(f)[1],
                    rtol=1e-5, hint='np.random.seed(1), W = randn(n_y, n_h) '
                    '/ sqrt(n_h), then for every pass and every sentence in '
                    'order: dz = a - y, W -= rate * outer(dz, avg)')
            t.close(f'{tag}: trained b', b, e_b, via=lambda f: run(f)[2],
                    rtol=1e-5, hint='b = np.zeros((n_y,)), b -= rate * dz '
                    'after every sentence')
            t.close(f'{tag}: pred', pred, e_pred, via=lambda f: run(f)[0],
                    hint='pred = predict(X, Y, W, b, word_to_vec_map), shape '
                    '(m, 1)')
            again = t.call(*args, seed=12345, label=f'{tag}: runs again',
                           **kwargs)
            t.check(f'{tag}: same W after another outside seed',
                    isinstance(again, tuple) and len(again) == 3 and
                    np.shape(again[1]) == np.shape(W) and
                    np.allclose(np.asarray(again[1], dtype=float),
                                np.asarray(W, dtype=float)),
                    'two runs gave different weights — call '
                    'np.random.seed(1) first, before creating W')


# --------------------------------------------------- sentences_to_indices

@checks('sentences_to_indices')
def sentences_to_indices(t):
    for _ in range(2):
        _, index = _vocab(t, dim=2)
        known = list(index)
        unknown = _words(t, 4, taken=known)
        max_len = int(t.rng.integers(3, 9))
        X = [_sentence(t, known, unknown, int(t.rng.integers(1, max_len)),
                       True) for _ in range(int(t.rng.integers(3, 7)))]
        X.append(_sentence(t, known, [], max_len + 3))   # too long
        X.append(' '.join(unknown[:2]))                    # nothing known
        X.append(f'{unknown[2]} {known[0]} {unknown[3]} {known[1]}')
        order = t.rng.permutation(len(X))
        X = [X[i] for i in order]
        args = (X, index, max_len)
        tag = f'{len(X)} sentences, max_len {max_len}'
        with t.case():
            got = t.call(*args, label=f'{tag}: runs')
            _unchanged(t, tag, args)
            t.type(f'{tag}: returns an array', got, np.ndarray,
                   'return X_indices, a NumPy array')
            t.shape(f'{tag}: X_indices shape', got, (len(X), max_len),
                    via=lambda f, a=args: f(*copy.deepcopy(a)),
                    hint='np.zeros((m, max_len)) with m = len(X)')
            t.close(f'{tag}: X_indices', got, t.ref(*args),
                    via=lambda f, a=args: f(*copy.deepcopy(a)),
                    hint='row i: the indices of the known words of the '
                    'lower-cased sentence i from column 0, unknown words '
                    'skipped, zeros after, at most max_len words')


# --------------------------------------------- pretrained_embedding_layer

def _matrix(vectors, index):
    dim = len(next(iter(vectors.values())))
    M = np.zeros((len(index) + 1, dim))
    for w, i in index.items():
        M[i] = vectors[w]
    return M


@checks('pretrained_embedding_layer')
def pretrained_embedding_layer(t):
    for _ in range(2):
        vectors, index = _vocab(t)
        args = (vectors, index)
        n, dim = len(index), len(next(iter(vectors.values())))
        tag = f'{n} words of {dim} numbers'
        every = np.arange(n + 1)[None, :]                    # (1, n + 1)
        with t.case():
            got = t.call(*args, label=f'{tag}: runs')
            _unchanged(t, tag, args)
            t.require(f'{tag}: returns an Embedding layer',
                      getattr(got, 'type_name', '') == 'Embedding',
                      f'got {getattr(got, "type_name", type(got).__name__)}'
                      ' — return the keras.layers.Embedding itself')
            own = t.run_model(got, [every])
            t.close(f'{tag}: the layer maps index i to the vector of the '
                    'word of index i (its own weights)', own,
                    _matrix(vectors, index)[None], rtol=1e-5, atol=1e-6,
                    hint='emb_matrix[word_to_index[w]] = word_to_vec_map[w], '
                    'row 0 zeros, loaded with set_weights([emb_matrix]) '
                    'after build((None,))')
            x = t.rng.integers(0, n + 1, size=(3, int(t.rng.integers(2, 6))))
            t.model(tag, got, t.ref(*args), [x],
                    via=lambda f, a=args: f(*copy.deepcopy(a)))


# ------------------------------------------------------------- Emojify_V2

@checks('Emojify_V2')
def Emojify_V2(t):  # noqa: N802 (named like the graded function)
    vectors, index = _vocab(t, n=int(t.rng.integers(8, 15)),
                            dim=int(t.rng.integers(2, 7)))
    words = list(vectors)
    twin, zero = words[-2], words[-1]       # twin shares a vector
    vectors[twin] = vectors[words[0]].copy()
    vectors[zero] = np.zeros_like(vectors[zero])
    max_len = int(t.rng.integers(3, 8))
    args = ((max_len,), vectors, index)
    n = len(index)
    x = t.rng.integers(1, n + 1, size=(4, max_len))
    x[:, -1] = 0                                            # padding
    x[0, 0] = index[words[0]]
    x[1, 1] = index[zero]
    swapped = x.copy()
    swapped[swapped == index[words[0]]] = index[twin]
    swapped[swapped == index[zero]] = 0
    tag = f'input_shape ({max_len},), {n} words of {len(vectors[twin])}'
    with t.case():
        got = t.call(*args, label=f'{tag}: runs')
        _unchanged(t, tag, args)
        t.require(f'{tag}: returns a Keras model',
                  type(got).__name__ == 'KerasSummary',
                  f'got {getattr(got, "type_name", type(got).__name__)} — '
                  'return Model(inputs=sentence_indices, outputs=X)')
        first = t.run_model(got, [x], {'training': False})
        second = t.run_model(got, [swapped], {'training': False})
        t.check(f'{tag}: the embedding holds the given vectors (its own '
                'weights)', np.allclose(first, second, atol=1e-6),
                'two words with one and the same vector gave different '
                'outputs — build the embedding with '
                'pretrained_embedding_layer(word_to_vec_map, word_to_index)',
                weight=2)
        t.model(tag, got, t.ref(*args), [x], calls=({'training': False},),
                via=lambda f, a=args: f(*copy.deepcopy(a)))
        train = t.run_model(got, [x], {'training': True})
        t.check(f'{tag}: dropout is active when training',
                not np.allclose(train, t.run_model(got, [x],
                                                   {'training': False})),
                'the output with training=True equals the one with '
                'training=False — add the two Dropout(0.5) layers')
