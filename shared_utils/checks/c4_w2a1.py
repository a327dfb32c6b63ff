"""Public checks for C4_W2A1, Residual Networks.

One function per graded function, named like it: ``checks.identity_block(
identity_block)``. The blocks are built on a small ``keras.Input`` with a
seeded random initializer (the same one for our reference blocks, so both
start with the same kernels), wrapped in a model and run on a few pictures
with batch norm in training and in inference mode; the outputs must match
ours. A difference is explained from the layers the block created (no
``Add``: the shortcut is missing; negative outputs: the last ReLU is
missing; ...). ``ResNet50`` is compared with our model layer by layer
(kind and output shape) and by its parameter count.
"""
from collections import Counter

import numpy as np

from ._base import check

RESNET50_PARAMS = 23_600_006          # (64, 64, 3) inputs, 6 classes
RESNET50_NON_TRAINABLE = 53_120       # batch-norm moving means and variances


def _initializer(seed=0):
    """A seeded initializer, called like the graded blocks call theirs."""
    import keras
    return keras.initializers.RandomNormal(stddev=0.4, seed=seed)


def _model(block, shape, args, kwargs):
    import keras
    X = keras.Input(shape)
    out = block(X, *args, **kwargs)
    return keras.Model(X, out)


def _kinds(model):
    return Counter(type(layer).__name__ for layer in model.layers)


def _explain(c, model, ours, out, expected):
    """Fail with the most likely cause of a difference."""
    got, want = _kinds(model), _kinds(ours)
    inits = {type(layer.kernel_initializer).__name__ for layer in model.layers
             if hasattr(layer, 'kernel_initializer')}
    if inits - {'RandomNormal'}:
        c.fail(f'a Conv2D uses {sorted(inits - {"RandomNormal"})} — give '
               'every Conv2D kernel_initializer=initializer(seed=0), the '
               'initializer passed in.')
    acts = got['Activation'] + got['ReLU']
    if 'Add' not in got:
        c.fail('the block has no Add layer — the shortcut (skip '
               'connection) is missing: add the shortcut to the main path '
               'before the last ReLU.')
    if got['BatchNormalization'] != want['BatchNormalization']:
        c.fail(f'the block has {got["BatchNormalization"]} '
               f'BatchNormalization layers, expected '
               f'{want["BatchNormalization"]} — one after every Conv2D.')
    if got['Conv2D'] != want['Conv2D']:
        c.fail(f'the block has {got["Conv2D"]} Conv2D layers, expected '
               f'{want["Conv2D"]}.')
    axes = {str(layer.axis) for layer in model.layers
            if type(layer).__name__ == 'BatchNormalization'}
    if axes - {'3', '-1', '[3]', '[-1]'}:
        c.fail(f'a BatchNormalization normalises axis {sorted(axes)} — '
               'normalise the channels: axis=3.')
    if np.min(out) < 0:
        c.fail('the output has negative values — apply ReLU after the '
               'addition (the last step of the block).')
    if acts != want['Activation'] + want['ReLU']:
        c.fail(f'the block has {acts} ReLU activations, expected '
               f'{want["Activation"] + want["ReLU"]}.')
    c.fail(f'the output differs from ours (largest difference '
           f'{np.max(np.abs(out - expected)):.3g}) — check the order of the '
           'steps: the shortcut is added after the last BatchNormalization, '
           'the ReLU comes after the addition; and the strides, padding and '
           'axis=3 of each layer.')


def _compare_block(c, block, ours, shape, args, kwargs, x):
    for training in (True, False):
        kw = dict(kwargs, training=training, initializer=_initializer)
        model = c.call(_model, block, shape, args, kw)
        ref = _model(ours, shape, args, kw)
        out = np.asarray(model(x))
        expected = np.asarray(ref(x))
        c.shape(out, expected.shape, f'the output with input shape '
                f'{x.shape}', 'check the strides and padding')
        if not np.allclose(out, expected, rtol=1e-4, atol=1e-4):
            other = _model(ours, shape, args, dict(kw, training=not training))
            if np.allclose(out, np.asarray(other(x)), rtol=1e-4, atol=1e-4):
                c.fail(f'with training={training} the output is the one '
                       f'batch norm gives with training={not training} — '
                       'call every BatchNormalization layer with '
                       'training=training.')
            _explain(c, model, ref, out, expected)
    params = model.count_params()
    c.true(params == ref.count_params(),
           f'the block has {params:,} parameters, expected '
           f'{ref.count_params():,}.')


def identity_block(target):
    from ..resnet_reference import identity_block as ours
    with check('identity_block') as c:
        x = np.random.default_rng(4).normal(size=(3, 5, 5, 6)) \
            .astype('float32')
        _compare_block(c, target, ours, (5, 5, 6), (3, [2, 4, 6]), {}, x)
        print('identity_block(X, f=3, filters=[2, 4, 6]) keeps the shape '
              '(3, 5, 5, 6) and matches ours')


def convolutional_block(target):
    from ..resnet_reference import convolutional_block as ours
    with check('convolutional_block') as c:
        x = np.random.default_rng(5).normal(size=(2, 6, 6, 3)) \
            .astype('float32')
        _compare_block(c, target, ours, (6, 6, 3), (3, [2, 4, 8]),
                       {'s': 2}, x)
        print('convolutional_block(X, f=3, filters=[2, 4, 8], s=2) maps '
              '(2, 6, 6, 3) to (2, 3, 3, 8) and matches ours')


def _layers(model):
    rows = []
    for layer in model.layers:
        try:
            shape = tuple(layer.output.shape)
        except (AttributeError, ValueError):
            shape = ()
        rows.append((type(layer).__name__.replace('ReLU', 'Activation'),
                     shape))
    return rows


def ResNet50(target):  # noqa: N802 (named like the graded function)
    from ..resnet_reference import ResNet50 as ours
    with check('ResNet50') as c:
        model = c.call(target, input_shape=(64, 64, 3), classes=6)
        c.true(hasattr(model, 'layers') and hasattr(model, 'count_params'),
               f'should return a Keras model, got {type(model).__name__}.')
        got, want = Counter(_layers(model)), Counter(_layers(ours()))
        for row in want:
            if got[row] < want[row]:
                c.fail(f'expected {want[row]} {row[0]} layer(s) with output '
                       f'shape {row[1]}, found {got[row]} — compare your '
                       'stages with the table above (filters, strides, '
                       'number of identity blocks) and the pooling at the '
                       'start and the end.')
        for row in got:
            if got[row] > want[row]:
                c.fail(f'found {got[row]} {row[0]} layer(s) with output '
                       f'shape {row[1]}, expected {want[row]}.')
        params = model.count_params()
        c.true(params == RESNET50_PARAMS, f'{params:,} parameters, expected '
               f'{RESNET50_PARAMS:,}.')
        frozen = params - sum(int(np.prod(w.shape))
                              for w in model.trainable_weights)
        c.true(frozen == RESNET50_NON_TRAINABLE,
               f'{frozen:,} non-trainable parameters, expected '
               f'{RESNET50_NON_TRAINABLE:,}.')
        print(f'ResNet50(): {len(model.layers)} layers, {params:,} '
              'parameters, the same layers as ours')
