"""Hidden checks for C4_W4A2, Neural style transfer.

The cost functions get fresh activations (random sizes, several layers in
each list so that only the last may count) as real tensors, made on the
side that runs the call (``KerasMake('tf', ...)`` markers). ``train_step``
gets one call (a learner's ``@tf.function`` traces once) on a tiny
stand-in network with seeded weights: the globals it reads
(``vgg_model_outputs``, ``a_C``, ``a_S``, ``optimizer``,
``compute_style_cost``, ``clip_0_1``, ``STYLE_LAYERS``) are installed for
that call from source text (``rebind``), on fresh sizes; the start image
has many pixels at exactly 0 and 1, so a step that forgets to clip, or
climbs instead of descending, shows in the updated image.
"""
import numpy as np

from ..checking import Registry
from ..runners import ReferenceRunner
from ..sandbox_child import KerasMake
from shared_utils.checks.c4_w4a2 import fixture_sources, start_image

checks = Registry()


def _acts(t, shape, scale=1.0):
    return (t.rng.normal(0, scale, shape)).astype(np.float32)


def _tensor(array):
    return KerasMake('tf', 'constant', value=np.asarray(array))


def _list(arrays):
    return KerasMake('tf', 'constants', values=list(arrays))


def _scalar(t, label, got):
    t.check(f'{label}: one number', np.ndim(got) == 0 or np.size(got) == 1,
            f'expected a scalar, got shape {np.shape(got)} — sum over every '
            'entry (tf.reduce_sum without an axis)')


@checks('compute_content_cost')
def compute_content_cost(t):
    for k in range(3):
        n_H, n_W, n_C = (int(v) for v in t.rng.integers(2, 9, 3))
        shape = (1, n_H, n_W, n_C)
        extra = [(1, n_H + 1, n_W, 3), (1, 2, 2, n_C + 2)][:k]
        content = [_acts(t, s) for s in extra] + [_acts(t, shape, 2.0)]
        generated = [_acts(t, s) for s in extra] + [_acts(t, shape)]
        args = (_list(content), _list(generated))
        label = f'activations {shape}, list of {k + 1}'
        with t.case():
            got = t.call(*args, label=f'{label}: runs')
            _scalar(t, label, got)
            t.close(f'{label}: J_content', got, t.ref(*args), rtol=1e-4,
                    atol=1e-6, via=lambda f: f(*args),
                    hint='take the last element of each list and divide '
                         'the sum of squared differences by '
                         '4 * n_H * n_W * n_C')
    with t.case():
        a = [_acts(t, (1, 3, 4, 5))]
        got = t.call(_list(a), _list(a), label='identical activations: runs')
        t.close('identical activations: J_content is 0', got, 0.0,
                atol=1e-6)


@checks('gram_matrix')
def gram_matrix(t):
    square = int(t.rng.integers(3, 6))
    for n_C, n in ((3, 7), (square, square), (int(t.rng.integers(4, 12)),
                            int(t.rng.integers(5, 40)))):
        A = _tensor(_acts(t, (n_C, n)))
        label = f'A of shape ({n_C}, {n})'
        with t.case():
            got = t.call(A, label=f'{label}: runs')
            t.shape(f'{label}: shape', got, (n_C, n_C),
                    via=lambda f: f(A), hint='GA is (n_C, n_C): A A^T')
            t.close(f'{label}: GA', got, t.ref(A), rtol=1e-4, atol=1e-5,
                    via=lambda f: f(A), hint='GA = A A^T')


@checks('compute_layer_style_cost')
def compute_layer_style_cost(t):
    for k in range(3):
        n_H, n_W = (int(v) for v in t.rng.integers(2, 8, 2))
        n_C = int(t.rng.integers(2, 7))
        shape = (1, n_H, n_W, n_C)
        a_S, a_G = _tensor(_acts(t, shape, 1.5)), _tensor(_acts(t, shape))
        label = f'activations {shape}'
        with t.case():
            got = t.call(a_S, a_G, label=f'{label}: runs')
            _scalar(t, label, got)
            t.close(f'{label}: J_style_layer', got, t.ref(a_S, a_G),
                    rtol=1e-4, atol=1e-7, via=lambda f: f(a_S, a_G),
                    hint='unroll with tf.transpose(tf.reshape(a, [-1, n_C])) '
                         'and divide by 4 * n_C^2 * (n_H * n_W)^2')
    with t.case():
        a = _tensor(_acts(t, (1, 3, 2, 4)))
        got = t.call(a, a, label='identical activations: runs')
        t.close('identical activations: J_style_layer is 0', got, 0.0,
                atol=1e-6)


@checks('total_cost')
def total_cost(t):
    jc, js = (float(v) for v in t.rng.uniform(0.1, 5, 2))
    cases = [((jc, js), {}, 'default weights')]
    a, b = (float(v) for v in t.rng.uniform(0.5, 20, 2))
    cases.append(((jc, js), {'alpha': a, 'beta': b}, 'alpha and beta given'))
    cases.append(((_tensor(np.float32(js)), _tensor(np.float32(jc))),
                  {'beta': b}, 'tensors, beta given'))
    for args, kwargs, label in cases:
        with t.case():
            got = t.call(*args, label=f'{label}: runs', **kwargs)
            t.close(f'{label}: J', got, t.ref(*args, **kwargs), rtol=1e-5,
                    via=lambda f: f(*args, **kwargs),
                    hint='J = alpha * J_content + beta * J_style')


def _mutant_cause(t, got, pick, args, rebind):
    """The cause of the first mutant whose (value, image after) matches."""
    for cause, fn in t.mutants:
        try:
            outcome = ReferenceRunner(fn).call(args, {}, rebind=rebind)
            alt = pick(outcome)
        except Exception:  # noqa: BLE001 (mutants may crash)
            continue
        if np.shape(alt) == np.shape(got) and np.allclose(
                np.asarray(got, float), np.asarray(alt, float), rtol=1e-4,
                atol=1e-5):
            return cause
    return None


@checks('train_step')
def train_step(t):
    h, w = (int(v) for v in t.rng.integers(4, 9, 2))
    seed = int(t.rng.integers(1, 10_000))
    rebind = fixture_sources(seed, h, w)
    image = start_image(seed + 1, h, w)
    args = (KerasMake('tf', 'Variable', initial_value=image),)
    label = f'one step on a {h}x{w} image'
    with t.case():
        J = t.call(*args, rebind=rebind, label=f'{label}: runs')
        after = np.asarray((t.args_after or [None])[0], dtype=float)
        ref = ReferenceRunner(t._ref_fn).call(args, {}, rebind=rebind)
        e_J, e_after = ref.value, np.asarray(ref.args_after[0], float)
        _scalar(t, label, J)

        def judged(name, ok, got, pick, hint):
            cause = None if ok else _mutant_cause(t, got, pick, args, rebind)
            t.check(f'{label}: {name}', ok, f'likely cause: {cause}' if cause
                    else hint, weight=2)

        ok = np.size(J) == 1 and np.allclose(J, e_J, rtol=1e-4, atol=1e-6)
        judged('the returned cost J', ok, J, lambda o: o.value,
               f'expected {float(np.ravel(e_J)[0]):.6g}, got '
               f'{np.ravel(J)[:1]} — J = total_cost(J_content, J_style, '
               'alpha=10, beta=40) from a_G = vgg_model_outputs('
               'generated_image), a_C and a_S')
        t.require(f'{label}: the image keeps its shape',
                  after.shape == image.shape, f'got {after.shape}, expected '
                  f'{image.shape} — update generated_image in place')
        t.check(f'{label}: pixels stay in [0, 1]',
                after.min() >= 0 and after.max() <= 1,
                f'after the step the image spans [{after.min():.3f}, '
                f'{after.max():.3f}] — clip it: generated_image.assign('
                'clip_0_1(generated_image))', weight=2)
        t.check(f'{label}: the image changed', not np.allclose(after, image),
                'the image is unchanged — apply the gradient with '
                'optimizer.apply_gradients([(grad, generated_image)])')
        ok = np.allclose(after, e_after, rtol=1e-4, atol=1e-5)
        judged('the updated image', ok, after,
               lambda o: np.asarray(o.args_after[0], float),
               f'{int((~np.isclose(after, e_after, rtol=1e-4, atol=1e-5)).sum())}'
               f' of {after.size} pixels differ — take the gradient of J '
               'with respect to generated_image, let the optimizer apply it, '
               'then clip to [0, 1]')
