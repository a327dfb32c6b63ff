"""Hidden checks for C2_W1A1, Initialization.

Layer sizes are fresh draws from ``t.rng``. The random initialisers are
judged by statistics on layers of at least 4000 weights (per-layer mean and
standard deviation of W_l divided by its intended scale, the latter within
5 %, about 5 standard errors), so any correct way of drawing standard normal
numbers passes; the exercise asks for np.random.seed(3), so two calls must
also agree.
"""
import numpy as np

from ..checking import Registry

checks = Registry()

# These specs accept any seeded standard-normal generator (a Generator
# from np.random.default_rng(3) too), so the seed's value is not graded:
# the mutation score (autograder/mutation_score.py) counts a mutant that
# only changes the seed as equivalent for them.
ANY_SEED = ('initialize_parameters_random', 'initialize_parameters_he')


def _small_dims(t):
    L = int(t.rng.integers(3, 5))
    return [int(n) for n in t.rng.integers(2, 9, size=L + 1)]


def _large_dims(t):
    """Sizes whose neighbours differ a lot, every W with >= 4000 entries
    (so a standard deviation 10 % off is about 9 standard errors away)."""
    return [int(t.rng.integers(30, 40)), int(t.rng.integers(150, 200)),
            int(t.rng.integers(40, 60)), int(t.rng.integers(120, 160))]


def _structure(t, dims, tag):
    """Call on dims; check keys, shapes, float dtype, zero biases."""
    out = t.call(list(dims), label=f'{tag}: runs')
    t.type(f'{tag}: returns a dict', out, dict)
    for l in range(1, len(dims)):
        t.require(f'{tag}: has W{l} and b{l}',
                  f'W{l}' in out and f'b{l}' in out,
                  f'missing key W{l} or b{l} — loop l over range(1, '
                  'len(layers_dims)) so that every layer, the last one '
                  'included, gets its W and b')
        W, b = out[f'W{l}'], out[f'b{l}']
        t.shape(f'{tag}: W{l} shape', W, (dims[l], dims[l - 1]),
                hint='W_l is (layers_dims[l], layers_dims[l-1])',
                via=lambda f, l=l: f(list(dims))[f'W{l}'])
        t.shape(f'{tag}: b{l} shape', b, (dims[l], 1),
                hint='b_l is a column (layers_dims[l], 1)',
                via=lambda f, l=l: f(list(dims))[f'b{l}'])
        t.check(f'{tag}: W{l} and b{l} hold floats',
                np.asarray(W).dtype.kind == 'f'
                and np.asarray(b).dtype.kind == 'f',
                'not floats — use float arrays (np.zeros and '
                'np.random.randn give floats)')
        t.check(f'{tag}: b{l} is all zeros', not np.any(b),
                'some entries are not 0 — biases start at zero: '
                'np.zeros((layers_dims[l], 1))')
    L = len(dims) - 1
    t.check(f'{tag}: no extra keys', set(out) == {
        f'{p}{l}' for l in range(1, L + 1) for p in 'Wb'},
        'unexpected keys — return only W1, b1, ..., WL, bL')
    return out


def _statistics(t, scale_of, scale_text):
    dims = _large_dims(t)
    tag = f'layers_dims={dims}'
    with t.case():
        out = _structure(t, dims, tag)
        for l in range(1, len(dims)):
            W = np.asarray(out[f'W{l}'], dtype=float)
            scale = scale_of(dims[l - 1])
            z = W / scale
            t.check(f'{tag}: W{l} has mean ≈ 0', abs(np.mean(z)) < 0.2,
                    f'mean {np.mean(W):.4g}, expected ≈ 0 — '
                    + ('np.random.rand is uniform on [0, 1); use '
                       'np.random.randn' if np.all(W >= 0) else
                       'draw from a standard normal, np.random.randn'))
            ratio = float(np.std(z))
            hint = f'multiply np.random.randn(...) by {scale_text}'
            if abs(ratio - np.sqrt(dims[l - 1] / dims[l])) < 0.1:
                hint = ('the scale uses layers_dims[l]; use the previous '
                        'layer\'s size layers_dims[l-1]')
            elif 'sqrt' in scale_text and abs(ratio - np.sqrt(0.5)) < 0.1:
                hint = 'that is sqrt(1/n): He uses sqrt(2 / n_{l-1})'
            t.check(f'{tag}: W{l} has the right spread', 0.95 < ratio < 1.05,
                    f'standard deviation {np.std(W):.4g}, expected about '
                    f'{scale:.4g} — {hint}', weight=2)
        again = t.call(list(dims), label=f'{tag}: second call runs')
        same = isinstance(again, dict) and all(
            k in again and np.array_equal(again[k], out[k]) for k in out)
        t.check(f'{tag}: two calls give the same weights', same,
                'the weights differ — start with np.random.seed(3), as '
                'the exercise says')


@checks('initialize_parameters_zeros')
def initialize_parameters_zeros(t):
    for dims in (_small_dims(t), [int(t.rng.integers(2, 6)), 1]):
        tag = f'layers_dims={dims}'
        with t.case():
            out = _structure(t, dims, tag)
            for l in range(1, len(dims)):
                t.check(f'{tag}: W{l} is all zeros',
                        not np.any(out[f'W{l}']),
                        'some entries are not 0 — this exercise starts '
                        'every weight at 0: np.zeros')


@checks('initialize_parameters_random')
def initialize_parameters_random(t):
    with t.case():
        _structure(t, _small_dims(t), 'small layers')
    _statistics(t, lambda n_prev: 10.0, '10')


@checks('initialize_parameters_he')
def initialize_parameters_he(t):
    with t.case():
        _structure(t, _small_dims(t), 'small layers')
    _statistics(t, lambda n_prev: np.sqrt(2.0 / n_prev),
                'np.sqrt(2 / layers_dims[l-1])')
