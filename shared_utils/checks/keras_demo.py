"""Public checks for the Keras-grading demo (not part of the course)."""
import numpy as np

from ._base import check


def tiny_convnet(fn):
    with check('tiny_convnet') as c:
        model = c.call(fn, (8, 8, 3))
        c.true(hasattr(model, 'layers'), 'return the Keras model itself')
        kinds = [type(layer).__name__ for layer in model.layers]
        c.true('BatchNormalization' in kinds,
               'no BatchNormalization layer — add it after the Conv2D')
        pools = [layer for layer in model.layers
                 if type(layer).__name__ == 'MaxPooling2D']
        c.true(pools and tuple(pools[0].strides) == (2, 2),
               'the max pooling should stride by 2 (the default for '
               'pool_size=2) — do not pass strides=1')
        out = model(np.zeros((2, 8, 8, 3), 'float32'))
        c.shape(out, (2, 1), 'the output')


def ResidualDense(cls):  # noqa: N802 (named like the graded class)
    with check('ResidualDense') as c:
        layer = c.call(cls, 4, 8, 0.1)
        x = np.random.default_rng(0).normal(size=(2, 3, 4)).astype('float32')
        out = np.asarray(c.call(layer, x, training=False))
        c.shape(out, (2, 3, 4), 'the output')
        mean = np.abs(out.mean(axis=-1)).max()
        c.true(mean < 1e-3, 'each output vector should be normalised '
               '(mean 0): end with the LayerNormalization')
        # with both Dense layers zeroed, only the residual path is left:
        # the output is x normalised (and 0 without the residual)
        import keras
        for sub in layer._flatten_layers(include_self=False):
            if isinstance(sub, keras.layers.Dense):
                sub.set_weights([np.zeros_like(w) for w in sub.get_weights()])
        again = np.asarray(layer(x, training=False))
        centred = (x - x.mean(-1, keepdims=True)) / np.sqrt(
            x.var(-1, keepdims=True) + 1e-6)
        c.true(np.allclose(again, centred, atol=1e-3),
               'with the Dense weights at zero the output should be x '
               'normalised — is the residual x + ... missing?')
