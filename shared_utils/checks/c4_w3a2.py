"""Public checks for C4_W3A2 (Image Segmentation with U-Net).

Each block is called on small ``keras.Input`` tensors and wrapped in a
model; the checks read its layers (kind, settings, output shape,
parameters) in a fixed order that does not depend on how the code was
written. The U-Net is checked at the course's size (8,640,471 parameters)
and on a small picture with few filters and classes.
"""
from collections import Counter

import numpy as np

from ._base import check

_FREE = ('InputLayer',)


def _keras():
    import keras
    return keras


def _rows(model):
    """[(kind, output shape without the batch, parameters)], sorted."""
    rows = [(type(layer).__name__, tuple(layer.output.shape[1:]),
             layer.count_params()) for layer in model.layers
            if type(layer).__name__ not in _FREE]
    return sorted(rows, key=lambda r: (r[0], r[1], r[2]))


def _convs(c, model, what):
    """Every 3x3 Conv2D uses padding 'same' and He normal."""
    convs = [layer for layer in model.layers
             if type(layer).__name__ == 'Conv2D' and
             tuple(layer.kernel_size) != (1, 1)]
    for layer in convs:
        init = type(layer.kernel_initializer).__name__
        c.true(layer.padding == 'same', f'{what}: a Conv2D has padding '
               f"'{layer.padding}', expected 'same' (the size must not "
               'shrink, or the skip connections will not fit)')
        c.true(init == 'HeNormal', f'{what}: a Conv2D starts its kernel '
               f"with {init}, expected kernel_initializer='he_normal'")
    return convs


def _compare(c, what, model, expected):
    got = _rows(model)
    want = sorted(expected, key=lambda r: (r[0], r[1], r[2]))
    kinds, want_kinds = Counter(r[0] for r in got), Counter(
        r[0] for r in want)
    if kinds != want_kinds:
        c.fail(f'{what}: the layers are {dict(sorted(kinds.items()))}, '
               f'expected {dict(sorted(want_kinds.items()))}')
    for kind in sorted(want_kinds):
        g = [r[1:] for r in got if r[0] == kind]
        w = [r[1:] for r in want if r[0] == kind]
        c.true(g == w, f'{what}: the {kind} layers have (output shape, '
               f'parameters) {g}, expected {w} — check n_filters, strides '
               'and padding')


def _block(c, fn, shape, **kwargs):
    keras = _keras()
    x = keras.Input(shape)
    out = c.call(fn, x, **kwargs)
    c.true(isinstance(out, (tuple, list)) and len(out) == 2,
           'conv_block should return two tensors: (next_layer, '
           f'skip_connection), got {type(out).__name__}')
    return keras.Model(x, out[0]), keras.Model(x, out[1]), out


def conv_block(fn):
    with check('conv_block') as c:
        nxt, skip, _ = _block(c, fn, (24, 32, 3), n_filters=8)
        convs = [('Conv2D', (24, 32, 8), 224), ('Conv2D', (24, 32, 8), 584)]
        c.true(tuple(skip.output.shape[1:]) == (24, 32, 8),
               f'skip_connection has shape {tuple(skip.output.shape[1:])}, '
               'expected (24, 32, 8): take it after the two convolutions, '
               'before max pooling')
        _compare(c, 'conv_block(Input((24, 32, 3)), n_filters=8)', nxt,
                 convs + [('MaxPooling2D', (12, 16, 8), 0)])
        for layer in _convs(c, nxt, 'conv_block'):
            name = layer.activation.__name__
            c.true(name == 'relu', f"a Conv2D has activation '{name}', "
                   "expected 'relu'")
        what = ('conv_block(Input((24, 32, 3)), n_filters=16, '
                'dropout_prob=0.25, max_pooling=False)')
        nxt, skip, out = _block(c, fn, (24, 32, 3), n_filters=16,
                                dropout_prob=0.25, max_pooling=False)
        _compare(c, what, nxt, [('Conv2D', (24, 32, 16), 448),
                                ('Conv2D', (24, 32, 16), 2320),
                                ('Dropout', (24, 32, 16), 0)])
        c.true(out[0] is out[1], f'{what}: without pooling next_layer and '
               'skip_connection are the same tensor')
        rates = [layer.rate for layer in nxt.layers
                 if type(layer).__name__ == 'Dropout']
        c.true(rates == [0.25], f'{what}: the Dropout rate is {rates}, '
               'expected dropout_prob (0.25)')


def upsampling_block(fn):
    with check('upsampling_block') as c:
        keras = _keras()
        expansive, contractive = keras.Input((6, 8, 16)), keras.Input(
            (12, 16, 8))
        what = ('upsampling_block(Input((6, 8, 16)), Input((12, 16, 8)), '
                'n_filters=4)')
        out = c.call(fn, expansive, contractive, n_filters=4)
        c.true(hasattr(out, 'shape'), f'{what} should return a tensor, got '
               f'{type(out).__name__}')
        model = keras.Model([expansive, contractive], out)
        _compare(c, what, model, [
            ('Conv2DTranspose', (12, 16, 4), 580),
            ('Concatenate', (12, 16, 12), 0), ('Conv2D', (12, 16, 4), 436),
            ('Conv2D', (12, 16, 4), 148)])
        up = [la for la in model.layers
              if type(la).__name__ == 'Conv2DTranspose'][0]
        c.true(tuple(up.strides) == (2, 2) and tuple(up.kernel_size) ==
               (3, 3) and up.padding == 'same', f'{what}: the '
               f'Conv2DTranspose has kernel {up.kernel_size}, strides '
               f"{up.strides}, padding '{up.padding}', expected (3, 3), "
               "(2, 2) and 'same'")
        _convs(c, model, 'upsampling_block')


def _unet_rows(h, w, ch, n, k):
    rows, c_in = [], ch
    for level in range(5):
        f, s = n * 2 ** level, (h // 2 ** level, w // 2 ** level)
        rows += [('Conv2D', s + (f,), 9 * c_in * f + f),
                 ('Conv2D', s + (f,), 9 * f * f + f)]
        if level >= 3:
            rows.append(('Dropout', s + (f,), 0))
        if level < 4:
            rows.append(('MaxPooling2D', (s[0] // 2, s[1] // 2, f), 0))
        c_in = f
    for level in (3, 2, 1, 0):
        f, s = n * 2 ** level, (h // 2 ** level, w // 2 ** level)
        rows += [('Conv2DTranspose', s + (f,), 9 * c_in * f + f),
                 ('Concatenate', s + (2 * f,), 0),
                 ('Conv2D', s + (f,), 9 * 2 * f * f + f),
                 ('Conv2D', s + (f,), 9 * f * f + f)]
        c_in = f
    rows += [('Conv2D', (h, w, n), 9 * n * n + n),
             ('Conv2D', (h, w, k), n * k + k)]
    return rows


def unet_model(fn):
    with check('unet_model') as c:
        for args in (((96, 128, 3), 32, 23), ((32, 48, 1), 4, 5)):
            size, n, k = args
            model = c.call(fn, size, n_filters=n, n_classes=k)
            what = f'unet_model({size}, n_filters={n}, n_classes={k})'
            c.true(hasattr(model, 'layers') and hasattr(model, 'inputs'),
                   f'{what} should return the keras Model')
            rows = _unet_rows(*size, n, k)
            _compare(c, what, model, rows)
            total = sum(r[2] for r in rows)
            c.true(model.count_params() == total, f'{what} has '
                   f'{model.count_params():,} parameters, expected {total:,}')
            last = model.layers[-1]
            name = getattr(last, 'activation', None)
            name = getattr(name, '__name__', str(name))
            c.true(name == 'linear' and tuple(getattr(
                last, 'kernel_size', ())) == (1, 1),
                   f'{what}: the last layer is a {type(last).__name__} '
                   f"{getattr(last, 'kernel_size', '')} "
                   f"with activation '{name}', expected a 1x1 Conv2D "
                   'without activation: it returns one score (logit) per '
                   'class, the loss applies the softmax')
            _convs(c, model, what)
        x = np.random.default_rng(0).uniform(size=(2,) + size)
        out = np.asarray(model(x.astype('float32'), training=False))
        c.shape(out, (2,) + size[:2] + (k,), f'{what} on 2 pictures')
