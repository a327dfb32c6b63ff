"""Hidden checks for C4_W2A1, Residual Networks.

The blocks take a Keras tensor: each spec passes ``KerasInput`` markers of
fresh shapes (height, width and channels drawn per run; F1, F2, F3 distinct
so that every kernel has its own shape; f of 2 or 3; strides 1 to 3, so a
stride that stays at 2 or moves to the wrong convolution shows), and the
grader wraps the returned tensor in a model (``Trial.model``): architecture
compared node by node (the first differing layer is named, a missing
shortcut too), parameter counts, then our weights are copied in and the
outputs compared on random pictures, in inference mode first (our moving
averages must not move before they are copied) and then in training mode.
Each block is built once with ``training=True`` and once with
``training=False`` and also called without a ``training`` argument, so the
flag must reach every BatchNormalization. ``ResNet50`` is checked with its
default arguments (23,600,006 parameters) and on another picture size,
number of channels and of classes.

Not checked: the ``initializer`` argument with another initializer. The
grader can pass initializer *instances* (``KerasMake``), but the blocks
call ``initializer(seed=0)``, a class or factory, which cannot cross the
process boundary; the architecture check compares the kernel initializer's
class with the default one instead.
"""
from ..checking import Registry
from ..sandbox_child import KerasInput

checks = Registry()


def _filters(t, exclude=()):
    """Two or three distinct filter counts (distinct kernel shapes)."""
    pool = [v for v in range(2, 9) if v not in exclude]
    return [int(v) for v in t.rng.choice(pool, size=3 - len(exclude),
                                          replace=False)]


def _pictures(t, shape, m=3):
    return t.rng.normal(size=(m,) + tuple(shape)).astype('float32')


def _block_cases(t, name, shape, args, extra):
    """Build the block with training=True and False; compare each."""
    for training in (True, False):
        kwargs = dict(extra, training=training)
        tag = (f'{name}(X of shape {shape}, f={args[0]}, filters='
               f'{args[1]}' + ''.join(f', {k}={v}' for k, v in
                                      kwargs.items()) + ')')
        with t.case():
            full = (KerasInput(shape),) + args
            got = t.call(*full, label=f'{tag} runs', **kwargs)
            # inference first: a training-mode call moves our moving
            # averages, which are copied into the learner's model once
            calls = ({'training': False}, {}) if training else \
                ({}, {'training': True})
            t.model(tag, got, t.ref(*full, **kwargs),
                    [_pictures(t, shape)], calls=calls,
                    via=lambda f, a=full, k=kwargs: f(*a, **k))


@checks('identity_block')
def identity_block(t):
    n_C = int(t.rng.integers(3, 9))
    shape = (int(t.rng.integers(3, 7)), int(t.rng.integers(3, 7)), n_C)
    filters = _filters(t, exclude=(n_C,)) + [n_C]
    f = int(t.rng.choice([2, 3]))
    _block_cases(t, 'identity_block', shape, (f, filters), {})


@checks('convolutional_block')
def convolutional_block(t):
    shape = (int(t.rng.integers(5, 9)), int(t.rng.integers(5, 9)),
             int(t.rng.integers(2, 6)))
    filters = _filters(t)
    f = int(t.rng.choice([2, 3]))
    s = int(t.rng.choice([2, 3]))
    _block_cases(t, 'convolutional_block', shape, (f, filters), {'s': s})
    # stride 1 (stage 2 of ResNet-50): the shortcut still needs its conv
    with t.case():
        args = (KerasInput(shape), 3, filters)
        got = t.call(*args, s=1, training=False,
                     label='convolutional_block(..., s=1) runs')
        t.model(f'convolutional_block(X of shape {shape}, f=3, filters='
                f'{filters}, s=1, training=False)', got,
                t.ref(*args, s=1, training=False), [_pictures(t, shape)],
                calls=({'training': False},),
                via=lambda fn: fn(*args, s=1, training=False))


@checks('ResNet50')
def resnet50(t):
    with t.case():
        got = t.call(label='ResNet50() runs')
        t.model('ResNet50() with its default arguments', got, t.ref(),
                [t.rng.uniform(size=(2, 64, 64, 3)).astype('float32')],
                calls=({'training': False},), via=lambda f: f())
    side = int(t.rng.choice([64, 72, 80]))
    shape = (side, side, int(t.rng.choice([1, 2, 4])))
    classes = int(t.rng.integers(2, 10))
    with t.case():
        got = t.call(input_shape=shape, classes=classes,
                     label=f'ResNet50(input_shape={shape}, '
                           f'classes={classes}) runs')
        t.model(f'ResNet50(input_shape={shape}, classes={classes})', got,
                t.ref(input_shape=shape, classes=classes),
                [t.rng.uniform(size=(2,) + shape).astype('float32')],
                calls=({'training': True},))
