"""Public checks for C5_W2A1, Operations on word vectors.

One function per exercise: ``checks.cosine_similarity(cosine_similarity)``.
They use small hand-made vectors and a tiny two-dimensional "vocabulary",
not GloVe, so that every expected value can be worked out by hand, and stop
at the first problem with a message naming the likely cause.
"""
import numpy as np

from ._base import check
from ._hints import likely as _likely
from ._hints import scalar as _scalar

# A tiny 2-D vocabulary of temperatures: "colder" is "cold" plus a step up
# the second axis; "cool" lies close to "cold", so without skipping the
# inputs "cool : cooler :: cold" would answer "cooler" itself.
TINY = {'cold': (1.0, 0.0), 'colder': (1.2, 0.9), 'cool': (1.1, 0.05),
        'cooler': (1.2, 0.75), 'warm': (3.0, 0.0), 'warmer': (3.1, 1.2),
        'hot': (4.0, 0.0), 'mild': (2.0, -1.0)}


def _tiny():
    return {w: np.array(v) for w, v in TINY.items()}


def cosine_similarity(cosine_similarity):
    """Check the value on fixed vectors and the properties of a cosine."""
    with check('cosine_similarity') as c:
        u, v = np.array([1.0, 2.0, 2.0]), np.array([4.0, -2.0, 4.0])
        got = c.call(cosine_similarity, u.copy(), v.copy())
        _scalar(c, got, 'cosine_similarity(u, v)',
                'return one number: np.dot(u, v) / (norm_u * norm_v)')
        # |u| = 3, |v| = 6 and u . v = 8, so the cosine is 8 / 18 = 4 / 9
        c.close(got, 4 / 9, 'cosine_similarity([1, 2, 2], [4, -2, 4])',
                _likely(got, [
                    (8.0, 'the division by the two lengths is missing'),
                    (8 / 81, 'the lengths are squared: take the square root '
                     'of sum(u * u)'),
                    (8 / 3 * 6, 'dot / norm_u * norm_v multiplies by '
                     '||v||: put norm_u * norm_v in parentheses')],
                    'cos = u . v / (||u|| ||v||)'))
        c.close(c.call(cosine_similarity, 5 * u, v), 4 / 9,
                'cosine_similarity(5 u, v)', 'scaling a vector must not '
                'change the cosine: divide by both lengths')
        c.close(c.call(cosine_similarity, u, u.copy()), 1.0,
                'cosine_similarity(u, u)')
        c.close(c.call(cosine_similarity, u, -u), -1.0,
                'cosine_similarity(u, -u)')
        c.close(c.call(cosine_similarity, np.array([3.0, 0.0]),
                       np.array([0.0, 0.5])), 0.0,
                'cosine_similarity of orthogonal vectors')


def complete_analogy(complete_analogy):
    """Check the answers on a tiny 2-D vocabulary."""
    with check('complete_analogy') as c:
        vocab = _tiny()
        got = c.call(complete_analogy, 'cold', 'colder', 'warm', vocab)
        c.true(isinstance(got, str), 'return the best word, a str; got '
               f'{type(got).__name__}.')
        c.true(got == 'warmer', f'cold : colder :: warm -> expected '
               f'"warmer", got {got!r} — maximise cosine_similarity(e_b - '
               'e_a, e_w - e_c) over the words w.')
        got = c.call(complete_analogy, 'cool', 'cooler', 'cold', vocab)
        c.true(got not in ('cool', 'cooler', 'cold'), f'cool : cooler :: '
               f'cold -> returned the input {got!r} — skip the three given '
               'words in the loop.')
        c.true(got == 'colder', f'cool : cooler :: cold -> expected '
               f'"colder", got {got!r}.')
        got = c.call(complete_analogy, 'Cold', 'COLDER', 'Warm', vocab)
        c.true(got == 'warmer', f'Cold : COLDER :: Warm -> expected '
               f'"warmer", got {got!r} — lower-case the three words first.')
        # every step from "hot" points away from cold -> colder
        backwards = {w: np.array(v) for w, v in TINY.items()}
        for w, y in (('mild', -1.0), ('warmer', -0.5), ('cooler', -0.2)):
            backwards[w] = np.array([4.5, y])
        backwards['warm'] = np.array([3.0, -1.5])
        got = c.call(complete_analogy, 'cold', 'colder', 'hot', backwards)
        expected = complete_answer('cold', 'colder', 'hot', backwards)
        c.true(got == expected, f'when every similarity is negative the '
               f'least negative wins ({expected!r}); got {got!r} — start '
               'the running best at -np.inf, not 0.')
        c.true(all(np.array_equal(vocab[w], TINY[w]) for w in TINY),
               'word_to_vec_map changed during the call — do not write '
               'into the vectors.')


def complete_answer(a, b, c, vocab):
    """The expected answer, worked out here (the tiny map only)."""
    step = vocab[b] - vocab[a]
    best, best_sim = None, -np.inf
    for w, e in vocab.items():
        if w in (a, b, c):
            continue
        d = e - vocab[c]
        sim = step @ d / np.linalg.norm(step) / np.linalg.norm(d)
        if sim > best_sim:
            best, best_sim = w, sim
    return best


def neutralize(neutralize):
    """Check the result is orthogonal to g and differs from e along g."""
    with check('neutralize', optional=True) as c:
        g = np.array([1.0, 2.0, 0.0, -2.0])  # |g| = 3
        vocab = {'word': np.array([4.0, 1.0, 2.0, 0.5]),
                 'other': np.array([0.0, 1.0, 0.0, 1.0])}
        saved = {w: v.copy() for w, v in vocab.items()}
        got = c.call(neutralize, 'word', g.copy(), vocab)
        c.shape(got, (4,), 'e_debiased')
        e = saved['word']
        expected = e - (e @ g) / 9 * g
        c.close(got, expected, 'e_debiased', _likely(got, [
            (e - (e @ g) / 3 * g, 'divided by ||g||, not ||g||^2'),
            (e - (e @ g) * g, 'the division by ||g||^2 is missing'),
            ((e @ g) / 9 * g, 'returned the bias component itself; '
             'subtract it from e')], 'e_debiased = e - (e . g) / ||g||^2 g'))
        c.true(abs(np.dot(got, g)) < 1e-10, 'the result should be '
               'orthogonal to g.')
        c.true(all(np.array_equal(vocab[w], saved[w]) for w in saved),
               'word_to_vec_map changed — return a new vector instead of '
               'writing into the stored one.')


def equalize(equalize):
    """Check unit length, mirror symmetry about the plane orthogonal to
    the bias axis, and the values on a small example."""
    with check('equalize', optional=True) as c:
        rng = np.random.default_rng(7)
        g = rng.normal(size=5)
        w1, w2 = rng.normal(size=5), rng.normal(size=5)
        vocab = {'one': w1 / np.linalg.norm(w1),
                 'two': w2 / np.linalg.norm(w2)}
        saved = {w: v.copy() for w, v in vocab.items()}
        out = c.call(equalize, ('one', 'two'), g.copy(), vocab)
        c.true(isinstance(out, (tuple, list)) and len(out) == 2,
               'return the pair (e_1, e_2).')
        e1, e2 = out
        c.shape(e1, (5,), 'e_1')
        c.shape(e2, (5,), 'e_2')
        gu = g / np.linalg.norm(g)
        c.close(e1 + e2 - (e1 + e2) @ gu * gu,
                2 * (_mu_orth(vocab, g)), 'the part of e_1 + e_2 '
                'orthogonal to g', 'both keep mu_orth, the average of the '
                'two vectors minus its projection onto g')
        c.close(e1 @ gu, -(e2 @ gu), 'the components along g',
                'they should be opposite: (e_w1B - mu_B) and (e_w2B - '
                'mu_B) point in opposite directions')
        c.close([np.linalg.norm(e1), np.linalg.norm(e2)], [1.0, 1.0],
                'the lengths of e_1 and e_2', 'scale the part along g by '
                'sqrt(1 - ||mu_orth||^2) after dividing by its length')
        c.true(np.sign(e1 @ gu) == np.sign(saved['one'] @ gu - saved['two']
                                           @ gu),
               'e_1 should stay on the side of g that word 1 was on.')
        c.true(all(np.array_equal(vocab[w], saved[w]) for w in saved),
               'word_to_vec_map changed — build new vectors.')


def _mu_orth(vocab, g):
    mu = (vocab['one'] + vocab['two']) / 2
    return mu - (mu @ g) / (g @ g) * g
