"""Public checks for C4_W2A2, Transfer Learning with MobileNetV2.

One function per graded function, named like it:
``checks.alpaca_model(alpaca_model)``. They look at the returned Keras
objects (layers, their settings, which are frozen, how the model is
compiled) and at what they do to a few pictures, naming the likely cause
of a difference.
"""
import numpy as np

from ._base import check


def _layer_classes(model):
    return [type(layer).__name__ for layer in model.layers]


def _pictures(shape, seed=0, m=4):
    rng = np.random.default_rng(seed)
    return rng.uniform(0, 255, (m,) + tuple(shape)).astype(np.float32)


def data_augmenter(data_augmenter):
    """Check the augmentation: two layers, their settings, behaviour."""
    import keras
    with check('data_augmenter') as c:
        aug = c.call(data_augmenter)
        c.type(aug, keras.Sequential, 'data_augmenter()')
        names = _layer_classes(aug)
        c.true(names == ['RandomFlip', 'RandomRotation'], f'the layers are '
               f'{names}, expected [RandomFlip, RandomRotation] in that '
               'order')
        flip, rotation = aug.layers
        c.true(flip.get_config()['mode'] == 'horizontal', f'RandomFlip has '
               f'mode {flip.get_config()["mode"]!r}, expected '
               "'horizontal' (a left-right mirror; animals are never "
               'upside down)')
        factor = rotation.get_config()['factor']
        c.true(np.allclose(factor, (-0.2, 0.2)), f'RandomRotation has factor '
               f'{factor}, expected 0.2 (angles up to 0.2 x 360 degrees '
               'either way)')
        x = _pictures((24, 24, 3))
        same = np.asarray(aug(x, training=False))
        c.true(np.allclose(same, x), 'with training=False the pictures '
               'should come back unchanged')
        keras.utils.set_random_seed(0)
        moved = np.asarray(aug(x, training=True))
        c.shape(moved, x.shape, 'the augmented batch')
        c.true(not np.allclose(moved, x), 'with training=True the pictures '
               'should change')


def _base_call_kwargs(model, base):
    """The keyword arguments the model's graph passes to `base`."""
    for layer in model.get_config()['layers']:
        if base.name in (layer.get('name'), layer['config'].get('name')):
            nodes = layer.get('inbound_nodes') or [{}]
            return nodes[0].get('kwargs', {})
    return {}


def alpaca_model(alpaca_model):
    """Check the classifier built for 64 x 64 pictures."""
    import keras
    from ..transfer_utils import BASE_NAME
    with check('alpaca_model') as c:
        aug = keras.Sequential([keras.layers.RandomFlip('horizontal')])
        model = c.call(alpaca_model, (64, 64), aug)
        c.type(model, keras.Model, 'alpaca_model(...)')
        c.true(tuple(model.input.shape) == (None, 64, 64, 3), f'the input '
               f'has shape {tuple(model.input.shape)}, expected (None, 64, '
               '64, 3) — Input(shape=image_shape + (3,))')
        names = _layer_classes(model)
        want = ['InputLayer', 'Sequential', 'Rescaling', 'Functional',
                'GlobalAveragePooling2D', 'Dropout', 'Dense']
        if 'Rescaling' not in names:
            c.fail('no preprocess_input: the base expects pixels scaled to '
                   '[-1, 1]; call preprocess_input(x) after the augmentation')
        c.true(names == want, f'the layers are {names}, expected {want}')
        c.true(model.layers[1] is aug, 'the augmentation layer is not the '
               'one passed in — call data_augmentation(inputs)')
        base = model.get_layer(BASE_NAME)
        c.true(not base.trainable, 'the base is trainable — set '
               'base_model.trainable = False before building the model')
        kwargs = _base_call_kwargs(model, base)
        c.true(kwargs.get('training') is False, 'the base must be called '
               'with training=False (its batch norms then stay in inference '
               f'mode after unfreezing); got {kwargs or "no arguments"}')
        rate = model.layers[5].get_config()['rate']
        c.true(abs(rate - 0.2) < 1e-9, f'Dropout rate {rate}, expected 0.2')
        dense = model.layers[6].get_config()
        c.true(dense['units'] == 1, f'the Dense layer has {dense["units"]} '
               'units, expected 1 (one logit)')
        c.true(dense['activation'] == 'linear', f'the Dense layer has '
               f'activation {dense["activation"]!r}: leave it linear, the '
               'loss takes logits (from_logits=True)')
        trainable = sum(int(np.prod(w.shape))
                        for w in model.trainable_weights)
        c.true(trainable == 1281, f'{trainable:,} trainable parameters, '
               'expected 1,281 (only the Dense layer)')
        x = _pictures((64, 64, 3))
        out = np.asarray(model(x, training=False))
        c.shape(out, (4, 1), 'the output on 4 pictures')


def prepare_fine_tuning(prepare_fine_tuning):
    """Check on a small model shaped like the notebook's (32 x 32)."""
    import keras
    from ..transfer_utils import BASE_NAME, fine_tune_fixture
    with check('prepare_fine_tuning') as c:
        model = fine_tune_fixture((32, 32))
        out = c.call(prepare_fine_tuning, model, 100, 0.002)
        c.true(out is model, 'return the model passed in, compiled')
        base = model.get_layer(BASE_NAME)
        c.true(base.trainable, 'the base is still frozen — set '
               'base_model.trainable = True first')
        frozen = [layer.trainable for layer in base.layers[:100]]
        free = [layer.trainable for layer in base.layers[100:]]
        c.true(not any(frozen), f'{sum(frozen)} of the first 100 layers '
               'are trainable — freeze base_model.layers[:fine_tune_at]')
        c.true(all(free), f'{len(free) - sum(free)} layers from index 100 '
               'on are frozen — only the layers before fine_tune_at stay '
               'frozen')
        c.true(model.compiled, 'the model is not compiled')
        loss = model.loss
        c.true(isinstance(loss, keras.losses.BinaryCrossentropy),
               f'the loss is {type(loss).__name__}, expected '
               'BinaryCrossentropy')
        c.true(loss.get_config()['from_logits'], 'the loss needs '
               'from_logits=True: the model outputs logits')
        opt = model.optimizer
        c.true(isinstance(opt, keras.optimizers.Adam), f'the optimizer is '
               f'{type(opt).__name__}, expected Adam')
        lr = float(opt.learning_rate)
        c.true(np.isclose(lr, 0.0002), f'learning rate {lr:g}, expected '
               '0.1 * base_learning_rate = 0.0002')
        metrics = model.get_compile_config().get('metrics')
        c.true(metrics == ['accuracy'], f'metrics {metrics}, expected '
               "['accuracy']")
