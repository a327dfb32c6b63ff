"""Public checks for C4_W4A2, Neural style transfer.

Each check calls the learner's function on small seeded tensors and
compares with values recorded from our solution. ``train_step`` is tried
on a tiny stand-in network (three small convolutions with seeded weights)
that :func:`fixture_sources` describes as source text: the check installs
those globals (``vgg_model_outputs``, ``a_C``, ``a_S``, ``optimizer``, ...)
in the notebook for one call and puts the notebook's own back afterwards.
The hidden checks use the same fixture on other sizes and seeds.
"""
from contextlib import contextmanager

import numpy as np

from ._base import check

# What train_step is given in the grader and in the public check: the
# provided style cost, written for the fixture's STYLE_LAYERS.
STYLE_COST_SOURCE = '''
def compute_style_cost(style_image_output, generated_image_output,
                       STYLE_LAYERS=STYLE_LAYERS):
    J_style = 0
    for a_S_l, a_G_l, (_, weight) in zip(style_image_output[:-1],
                                         generated_image_output[:-1],
                                         STYLE_LAYERS):
        J_style += weight * compute_layer_style_cost(a_S_l, a_G_l)
    return J_style
'''

MODEL_SOURCE = '''
import keras as _k
_init = lambda s: _k.initializers.RandomNormal(stddev=0.4, seed={seed} + s)
_x = _k.Input((None, None, 3))
_a = _k.layers.Conv2D(4, 3, padding='same', activation='relu',
                      kernel_initializer=_init(1), bias_initializer=_init(2))(_x)
_b = _k.layers.Conv2D(6, 3, padding='same', activation='relu',
                      kernel_initializer=_init(3), bias_initializer=_init(4))(_a)
_c = _k.layers.Conv2D(5, 3, strides=2, padding='same', activation='relu',
                      kernel_initializer=_init(5), bias_initializer=_init(6))(_b)
vgg_model_outputs = _k.Model(_x, [_a, _b, _c])
vgg_model_outputs.trainable = False
'''

ACTIVATIONS_SOURCE = '''
import numpy as _np
import tensorflow as _tf
_img = _np.random.default_rng({seed}).uniform(0, 1, (1, {h}, {w}, 3))
{name} = vgg_model_outputs(_tf.constant(_img, _tf.float32))
'''


def fixture_sources(seed, h, w, learning_rate=0.05):
    """The globals train_step uses, as {name: source} in the order they
    must be made (each source may use the names made before it)."""
    return {
        'STYLE_LAYERS': "STYLE_LAYERS = [('a', 0.4), ('b', 0.6)]",
        'compute_style_cost': STYLE_COST_SOURCE,
        'clip_0_1': ('import tensorflow as _tf\n'
                     'def clip_0_1(image):\n'
                     '    return _tf.clip_by_value(image, 0.0, 1.0)\n'),
        'vgg_model_outputs': MODEL_SOURCE.format(seed=seed),
        'a_C': ACTIVATIONS_SOURCE.format(seed=seed + 10, h=h, w=w,
                                         name='a_C'),
        'a_S': ACTIVATIONS_SOURCE.format(seed=seed + 20, h=h, w=w,
                                         name='a_S'),
        'optimizer': ('import keras as _k\noptimizer = _k.optimizers.Adam('
                      f'learning_rate={learning_rate})\n'),
    }


def start_image(seed, h, w):
    """A generated image with many pixels exactly at 0 and 1 (so a step
    that forgets to clip leaves [0, 1])."""
    rng = np.random.default_rng(seed)
    return np.clip(rng.uniform(-0.3, 1.3, (1, h, w, 3)), 0, 1).astype(
        np.float32)


@contextmanager
def installed(fn, sources):
    """Make the fixture's globals visible to `fn` for a while."""
    scope = getattr(fn, 'python_function', fn).__globals__
    saved = {name: scope.get(name, _MISSING) for name in sources}
    try:
        for name, src in sources.items():
            made = dict(scope)
            exec(compile(src, f'<fixture {name}>', 'exec'), made)
            scope[name] = made[name]
        yield
    finally:
        for name, value in saved.items():
            if value is _MISSING:
                scope.pop(name, None)
            else:
                scope[name] = value


_MISSING = object()


def _tf():
    import tensorflow as tf
    return tf


def _acts(seed, shape):
    tf = _tf()
    return tf.constant(np.random.default_rng(seed).normal(
        0, 1, shape).astype(np.float32))


def compute_content_cost(target):
    tf = _tf()
    with check('compute_content_cost') as c:
        shape = (1, 3, 5, 4)
        a_C = [_acts(1, (1, 2, 2, 2)), _acts(2, shape)]
        a_G = [_acts(3, (1, 2, 2, 2)), _acts(4, shape)]
        J = c.call(target, a_C, a_G)
        c.true(tf.is_tensor(J) and np.ndim(J) == 0,
               f'should return a scalar tensor, got {type(J).__name__} '
               f'of shape {np.shape(J)}')
        c.close(J, 0.61410701, 'J_content on (1, 3, 5, 4) activations',
                hint='only the last element of each list counts; divide the '
                'sum of squares by 4 * n_H * n_W * n_C', rtol=1e-4)
        same = c.call(target, a_C, a_C)
        c.close(same, 0.0, 'J_content of identical activations', atol=1e-6)
        # the generated activations unrolled in the other order than the
        # content ones would change nothing for the sum: unequal shapes
        # catch a reshape to the wrong size
        wide = [_acts(5, (1, 4, 2, 3))]
        c.close(c.call(target, wide, [_acts(6, (1, 4, 2, 3))]), 0.59046739,
                'J_content on (1, 4, 2, 3) activations', rtol=1e-4)


def gram_matrix(target):
    tf = _tf()
    with check('gram_matrix') as c:
        A = _acts(7, (3, 5))
        G = c.call(target, A)
        c.shape(G, (3, 3), 'gram_matrix of a (3, 5) matrix',
                hint='the Gram matrix is (n_C, n_C): A times its transpose')
        c.close(G[0], [1.1642814, 0.36981097, 0.92029011],
                'first row of the Gram matrix', rtol=1e-4,
                hint='GA = A A^T (tf.matmul(A, tf.transpose(A)))')
        c.true(np.allclose(G, np.transpose(G), atol=1e-5),
               'the Gram matrix should be symmetric')
        c.true(tf.is_tensor(G), 'should return a tensor (use tf.matmul)')


def compute_layer_style_cost(target):
    with check('compute_layer_style_cost') as c:
        a_S, a_G = _acts(8, (1, 4, 3, 2)), _acts(9, (1, 4, 3, 2))
        J = c.call(target, a_S, a_G)
        c.true(np.ndim(J) == 0, f'should return a scalar, got shape '
               f'{np.shape(J)}')
        c.close(J, 0.21651791, 'J_style_layer on (1, 4, 3, 2) activations',
                rtol=1e-4, hint='unroll each to (n_C, n_H * n_W) with '
                'tf.transpose(tf.reshape(a, [-1, n_C])), then divide the sum '
                'of squared Gram differences by 4 * n_C^2 * (n_H * n_W)^2')
        c.close(c.call(target, a_S, a_S), 0.0,
                'J_style_layer of identical activations', atol=1e-6)


def compute_style_cost(target, layer_cost):
    tf = _tf()
    with check('compute_style_cost') as c:
        outs_S = [_acts(10 + i, (1, 3, 3, 2)) for i in range(3)]
        outs_G = [_acts(20 + i, (1, 3, 3, 2)) for i in range(3)]
        layers = [('first', 0.25), ('second', 0.75)]
        J = c.call(target, outs_S, outs_G, layers)
        expected = sum(w * layer_cost(s, g) for s, g, (_, w) in
                       zip(outs_S[:-1], outs_G[:-1], layers))
        c.close(J, expected, 'J_style: weighted sum over the style layers',
                rtol=1e-5, hint='the last output is the content layer and '
                'takes no part in the style cost')
        c.true(tf.is_tensor(J), 'should return a tensor')


def total_cost(target):
    with check('total_cost') as c:
        c.close(c.call(target, 0.3, 0.5), 23.0,
                'total_cost(0.3, 0.5) with alpha=10, beta=40',
                hint='J = alpha * J_content + beta * J_style')
        c.close(c.call(target, 2.0, 0.1, alpha=3, beta=7), 6.7,
                'total_cost(2.0, 0.1, alpha=3, beta=7)')


def train_step(target):
    tf = _tf()
    with check('train_step') as c:
        h, w = 6, 5
        with installed(target, fixture_sources(11, h, w)):
            image = tf.Variable(start_image(12, h, w))
            J = c.call(target, image)
        after = image.numpy()
        c.true(np.ndim(J) == 0, f'should return the scalar cost J, got '
               f'shape {np.shape(J)}')
        c.true(after.min() >= 0 and after.max() <= 1,
               f'after one step the image spans [{after.min():.3f}, '
               f'{after.max():.3f}]: clip it back to [0, 1] with '
               'generated_image.assign(clip_0_1(generated_image))')
        c.close(J, 2.5991912, 'J on the stand-in network', rtol=1e-3,
                hint='J = total_cost(J_content, J_style, alpha=10, beta=40),'
                ' both costs from a_G = vgg_model_outputs(generated_image)')
        c.close(after[0, 1, :, 0], [0.47578502, 0.16403295, 0.95000046,
                                      0.0499949, 0.9500008],
                'five pixels after one step', rtol=1e-3, atol=1e-4,
                hint='apply the gradient of J with respect to the image '
                '(optimizer.apply_gradients([(grad, generated_image)]))')
