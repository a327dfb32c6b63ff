"""Public checks for C4_W1A2 (Convolutional Neural Networks: Application).

They look at the layers that carry the model's shape (padding,
convolution, normalisation, pooling, flatten, dense), their output shapes
and parameter counts, and the last activation; a ReLU may be its own layer
or the convolution's `activation='relu'`.
"""
import math

import numpy as np

from ._base import check

_ACTIVATIONS = ('ReLU', 'Activation', 'Softmax', 'InputLayer')


def _name(fn_or_name):
    return getattr(fn_or_name, '__name__', str(fn_or_name))


def _plan(model):
    """[(class name, output shape without the batch)] of the shape-carrying
    layers, and the name of the last activation."""
    plan, last = [], None
    for layer in model.layers:
        kind = type(layer).__name__
        activation = getattr(layer, 'activation', None)
        if kind == 'Softmax':
            last = 'softmax'
        elif kind == 'ReLU':
            last = 'relu'
        elif activation is not None:
            last = _name(activation)
        if kind not in _ACTIVATIONS:
            plan.append((kind, tuple(layer.output.shape[1:])))
    return plan, last


def _compare(c, model, expected, params):
    c.true(hasattr(model, 'layers') and hasattr(model, 'count_params'),
           'return the Keras model itself')
    plan, last = _plan(model)
    kinds = [k for k, _ in plan]
    want = [k for k, _ in expected]
    for i, (got, exp) in enumerate(zip(plan + [None] * len(expected),
                                       expected)):
        if got is None or got[0] != exp[0]:
            c.fail(f'layer {i + 1} should be a {exp[0]}; your layers '
                   f'(activations left out) are {kinds}, expected {want}')
        c.true(got[1] == exp[1], f'layer {i + 1} ({exp[0]}) has output '
               f'shape {got[1]}, expected {exp[1]} — check its filters, '
               'kernel size, strides and padding')
    c.true(len(plan) == len(expected), f'your layers (activations left '
           f'out) are {kinds}, expected {want}')
    c.true(model.count_params() == params, f'the model has '
           f'{model.count_params():,} parameters, expected {params:,}')
    return last


def happyModel(fn):  # noqa: N802 (named like the graded function)
    with check('happyModel') as c:
        model = c.call(fn)
        last = _compare(c, model, [
            ('ZeroPadding2D', (70, 70, 3)), ('Conv2D', (64, 64, 32)),
            ('BatchNormalization', (64, 64, 32)),
            ('MaxPooling2D', (32, 32, 32)), ('Flatten', (32768,)),
            ('Dense', (1,))], 37633)
        c.true(last == 'sigmoid', f'the last activation is {last}, expected '
               "sigmoid: Dense(1, activation='sigmoid')")
        x = np.random.default_rng(0).uniform(size=(2, 64, 64, 3))
        out = np.asarray(model(x.astype('float32'), training=False))
        c.shape(out, (2, 1), 'the output for 2 pictures')
        c.true(np.all((out > 0) & (out < 1)), 'the outputs should be '
               'probabilities between 0 and 1')


def _conv_plan(h, w, channels):
    h1, w1 = math.ceil(h / 8), math.ceil(w / 8)
    h2, w2 = math.ceil(h1 / 4), math.ceil(w1 / 4)
    flat = h2 * w2 * 16
    plan = [('Conv2D', (h, w, 8)), ('MaxPooling2D', (h1, w1, 8)),
            ('Conv2D', (h1, w1, 16)), ('MaxPooling2D', (h2, w2, 16)),
            ('Flatten', (flat,)), ('Dense', (6,))]
    params = (16 * channels * 8 + 8) + (4 * 8 * 16 + 16) + (flat * 6 + 6)
    return plan, params


def convolutional_model(fn):
    with check('convolutional_model') as c:
        for shape in ((64, 64, 3), (30, 45, 1)):
            model = c.call(fn, shape)
            last = _compare(c, model, *_conv_plan(*shape))
            c.true(last == 'softmax', f'the last activation is {last}, '
                   "expected softmax: Dense(6, activation='softmax')")
            x = np.random.default_rng(1).uniform(size=(3,) + shape)
            out = np.asarray(model(x.astype('float32')))
            c.shape(out, (3, 6), f'the output for 3 pictures of {shape}')
            c.close(out.sum(axis=1), np.ones(3), 'the sum of each row of '
                    'probabilities', rtol=1e-5, atol=1e-5)
