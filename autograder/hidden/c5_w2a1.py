"""Hidden checks for C5_W2A1, Operations on word vectors.

``cosine_similarity`` gets fresh vectors of 2 to 300 entries with very
different lengths (so a missing or squared norm shows), scaled and negated
copies, orthogonal pairs and real GloVe pairs. ``complete_analogy`` gets
small fresh vocabularies of made-up words with random vectors (4 to 40
dimensions) built so that one bug each would change the answer: a planted
answer with a distractor that wins on the dot product, a third word lying
next to the first (an input word would win if not skipped), one where every
similarity is negative, words in mixed case, and a few hundred real GloVe
words. Maps stay small: the whole 400,000-word map would cross the sandbox
boundary twice per call.
"""
import copy

import numpy as np

from ..checking import Registry

checks = Registry()

LETTERS = np.array(list('abcdefghijklmnopqrstuvwxyz'))


def _unchanged(t, tag, args):
    """Record that the arguments came back as they were passed."""
    after = t.args_after or []

    def same(a, b):
        if isinstance(a, dict):
            return (isinstance(b, dict) and list(a) == list(b) and
                    all(same(a[k], b[k]) for k in a))
        if isinstance(a, str):
            return a == b
        return np.shape(a) == np.shape(b) and np.array_equal(a, b)
    ok = len(after) == len(args) and all(map(same, args, after))
    t.check(f'{tag}: arguments left unchanged', ok, 'your function changed '
            'a vector or the dictionary it was given — compute new arrays '
            '(u / norm) instead of writing into the inputs (u /= norm)')


def _scalar(value):
    return isinstance(value, (float, np.floating)) or (
        isinstance(value, np.ndarray) and value.ndim == 0
        and value.dtype.kind == 'f')


# ------------------------------------------------------ cosine_similarity

def _vector(t, n, length=None):
    v = t.rng.normal(size=n)
    if length is None:
        length = float(np.exp(t.rng.uniform(-2.5, 2.5)))
    return v / np.linalg.norm(v) * length


@checks('cosine_similarity')
def cosine_similarity(t):
    n1, n2 = int(t.rng.integers(2, 6)), int(t.rng.integers(40, 301))
    cases = []
    for n in (n1, n2, 50):
        cases.append((f'random vectors of {n} entries', _vector(t, n),
                      _vector(t, n)))
    u = _vector(t, 7, 0.3)
    cases.append(('a vector and itself times 9', u, 9 * u))
    cases.append(('a vector and its opposite', u, -2.5 * u))
    v = _vector(t, 7, 4.0)
    cases.append(('orthogonal vectors', u, v - (v @ u) / (u @ u) * u))
    cases.append(('short and long vectors', _vector(t, 6, 0.05),
                  _vector(t, 6, 30.0)))
    cases.append(('real GloVe vectors', *_glove_pair(t)))
    for tag, u, v in cases:
        with t.case():
            args = (u, v)
            got = t.call(*args, label=f'{tag}: runs')
            _unchanged(t, tag, args)
            t.check(f'{tag}: returns one number', _scalar(got),
                    f'got {_kind(got)} — sum the products (np.dot(u, v)) '
                    'and divide by the product of the two lengths')
            t.close(f'{tag}: the cosine', got, t.ref(*args),
                    via=lambda f, a=args: f(*a),
                    hint='cos = u . v / (||u|| ||v||), ||u|| = '
                    'sqrt(sum(u * u))')


def _kind(value):
    if isinstance(value, np.ndarray):
        return f'an array of shape {value.shape}'
    return f'a {type(value).__name__}'


def _glove():
    from shared_utils import glove
    words, vectors = glove.load_matrix()
    return words, vectors


def _glove_pair(t):
    words, vectors = _glove()
    i, j = t.rng.choice(5000, size=2, replace=False)
    return (vectors[i].astype(np.float64), vectors[j].astype(np.float64))


# ------------------------------------------------------- complete_analogy

def _words(t, n):
    """n distinct made-up lower-case words of 3 to 8 letters."""
    found = []
    while len(found) < n:
        w = ''.join(t.rng.choice(LETTERS, size=int(t.rng.integers(3, 9))))
        if w not in found:
            found.append(w)
    return found


def _random_map(t, n, dim):
    return {w: _vector(t, dim, float(np.exp(t.rng.uniform(-1, 1))))
            for w in _words(t, n)}


def _planted(t):
    """a : b :: c -> x, with distractors that win for common bugs: y on the
    dot product (far along the step, noisy), z when e_c is not subtracted
    (parallel to the step from the origin)."""
    dim = int(t.rng.integers(4, 13))
    vocab = _random_map(t, int(t.rng.integers(15, 40)), dim)
    a, b, c, x, y, z = list(vocab)[:6]
    step = vocab[b] - vocab[a]
    noise = np.linalg.norm(step)
    vocab[x] = vocab[c] + t.rng.uniform(0.5, 1.5) * step + _vector(
        t, dim, 0.15 * noise)
    side = _vector(t, dim)
    side -= (side @ step) / (step @ step) * step  # orthogonal to the step
    vocab[y] = vocab[c] + 10 * step + side / np.linalg.norm(side) * 4 * noise
    vocab[z] = 5 * step + _vector(t, dim, 0.05 * noise)
    return _shuffled(t, vocab), (a, b, c)


def _input_trap(t):
    """c lies right next to a, so b would score about 1 if not skipped."""
    dim = int(t.rng.integers(4, 13))
    vocab = _random_map(t, int(t.rng.integers(10, 30)), dim)
    a, b, c = list(vocab)[:3]
    vocab[c] = vocab[a] + _vector(t, dim, 0.02)
    return _shuffled(t, vocab), (a, b, c)


def _all_negative(t):
    """Every candidate lies behind c, against the step from a to b."""
    dim = int(t.rng.integers(3, 9))
    vocab = _random_map(t, int(t.rng.integers(8, 20)), dim)
    a, b, c = list(vocab)[:3]
    step = vocab[b] - vocab[a]
    for w in list(vocab)[3:]:
        vocab[w] = vocab[c] - t.rng.uniform(0.5, 3) * step + _vector(
            t, dim, 0.3 * np.linalg.norm(step))
    return _shuffled(t, vocab), (a, b, c)


def _mixed_case(t):
    dim = int(t.rng.integers(4, 41))
    vocab = _random_map(t, int(t.rng.integers(20, 60)), dim)
    a, b, c = list(vocab)[:3]
    return _shuffled(t, vocab), (a.upper(), b.title(), c[:1] + c[1:].upper())


POOL = [('france', 'paris', 'italy'), ('germany', 'berlin', 'japan'),
        ('man', 'woman', 'king'), ('brother', 'sister', 'father'),
        ('china', 'chinese', 'russia'), ('he', 'she', 'his'),
        ('small', 'smaller', 'large'), ('uncle', 'aunt', 'boy'),
        ('spain', 'spanish', 'germany'), ('london', 'england', 'tokyo')]


def _real(t):
    """A few hundred frequent GloVe words and one analogy over them."""
    words, vectors = _glove()
    question = POOL[int(t.rng.integers(len(POOL)))]
    index = {w: i for i, w in enumerate(words[:10000])}
    rows = set(t.rng.choice(3000, size=int(t.rng.integers(300, 600)),
                            replace=False).tolist())
    rows |= {index[w] for q in POOL for w in q}
    vocab = {words[i]: vectors[i].astype(np.float64) for i in sorted(rows)}
    return vocab, question


def _cause(t, got, via):
    """The first mutant that gives the learner's (str) answer too."""
    for cause, fn in t.mutants:
        try:
            with np.errstate(all='ignore'):   # 0 / 0 when c is not skipped
                alt = via(fn)
            if alt == got:
                return f' — likely cause: {cause}'
        except Exception:  # noqa: BLE001 (mutants may crash)
            continue
    return ''


@checks('complete_analogy')
def complete_analogy(t):
    problems = [('a planted analogy', _planted(t)),
                ('the third word next to the first', _input_trap(t)),
                ('every similarity negative', _all_negative(t)),
                ('words given in mixed case', _mixed_case(t)),
                ('real GloVe words', _real(t))]
    for tag, (vocab, (a, b, c)) in problems:
        args = (a, b, c, vocab)
        tag = f'{tag} ({a} : {b} :: {c} -> ?)'
        with t.case():
            got = t.call(*args, label=f'{tag}: runs')
            _unchanged(t, tag, args)
            expected = t.ref(*args)
            t.require(f'{tag}: returns a word (str)', isinstance(got, str),
                      'got None — no word was ever chosen: start the '
                      'running best at -np.inf, not 0 (every similarity '
                      'can be negative)' if got is None else
                      f'got {_kind(got)} — return the best word itself')
            inputs = {a.lower(), b.lower(), c.lower()}
            t.check(f'{tag}: not one of the three given words',
                    got not in inputs, f'returned {got!r}, one of the '
                    'inputs — skip word_a, word_b and word_c in the loop')

            def via(fn, a=args):
                return fn(*copy.deepcopy(a))
            t.check(f'{tag}: the best word', got == expected,
                    f'expected {expected!r}, got {got!r}' + (
                        _cause(t, got, via) or ' — keep the word w with '
                        'the largest cosine_similarity(e_b - e_a, e_w - '
                        'e_c)'), weight=2)


def _shuffled(t, vocab):
    keys = list(vocab)
    order = t.rng.permutation(len(keys))
    return {keys[i]: vocab[keys[i]] for i in order}
