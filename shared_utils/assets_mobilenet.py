"""The project's pre-trained MobileNetV2 for the transfer-learning
assignment (C4_W2A2), standing in for the ImageNet weights it cannot
download.

Model: ``keras.applications.MobileNetV2(alpha=0.35, include_top=False,
weights=None)`` at 96x96 (154 layers, 410,208 parameters), trained with a
pooling + dropout + 20-way softmax head on ``source20`` (20 classes of
synthetic pictures: animals without alpacas, faces, houses, text,
textures...), inputs scaled as ``mobilenet_v2.preprocess_input`` does
(x / 127.5 - 1) and mirrored at random. Only the base is saved
(``shared_utils/models/mobilenetv2_a035.weights.h5``, committed); its
convolutions fit any input size, so the notebook and the grader load it
into bases of other sizes too.

MobileNetV2's batch norms average their statistics with momentum 0.999,
too slow for a few hundred steps: training sets it to 0.9 (it is no
weight, so the saved file does not change shape).

Behaviour (``evaluate``): a logistic-regression probe on the pooled
features of the frozen base, fitted on the alpaca training split and
scored on its validation split (the notebook's split), must reach
``PASS``; the source-task accuracy on held-out pictures is reported too.

Asset contract: see ``shared_utils/assets_train.py``.
"""
import numpy as np

from . import assets_train

SEED = 0
DATA_SEED, VAL_SEED = 101, 102
SIZE, ALPHA, CLASSES = 96, 0.35, 20
BUDGETS = {'full': {'m': 5000, 'val': 400, 'epochs': 7, 'epochs_turned': 4,
                    'batch_size': 64},
           'tiny': {'m': 40, 'val': 20, 'epochs': 1, 'epochs_turned': 1,
                    'batch_size': 20}}
PHASES = ({'rotation': 0.0, 'lr': 2e-3}, {'rotation': 0.2, 'lr': 1e-3})
PASS = {'alpaca_probe': 0.8, 'source_top1': 0.7}
FILE = 'mobilenetv2_a035.weights.h5'


def build_model(input_shape=(SIZE, SIZE, 3)):
    """The untrained base: MobileNetV2(alpha=0.35) without its top."""
    import keras
    return keras.applications.MobileNetV2(input_shape=input_shape,
                                          alpha=ALPHA, include_top=False,
                                          weights=None)


def _classifier(base, head, rotation):
    """Scaling, mirroring (and turning), the base, pooling, dropout, the
    20-way softmax `head`."""
    import keras
    from keras import layers
    inputs = keras.Input(shape=(SIZE, SIZE, 3))
    x = layers.Rescaling(1 / 127.5, offset=-1.0)(inputs)
    x = layers.RandomFlip('horizontal')(x)
    if rotation:
        x = layers.RandomRotation(rotation)(x)
    x = base(x)
    x = layers.GlobalAveragePooling2D()(x)
    x = layers.Dropout(0.2)(x)
    return keras.Model(inputs, head(x))


def _dataset(x, y, batch_size, shuffle):
    import tensorflow as tf
    ds = tf.data.Dataset.from_tensor_slices((x, y))
    if shuffle:
        ds = ds.shuffle(len(x), seed=SEED)
    return ds.batch(batch_size).map(
        lambda a, b: (tf.cast(a, tf.float32), b)).prefetch(2)


def train(budget='full', path=None, resume=None):
    """Train the base on source20 and save its weights (and head).

    Two phases (``PHASES``): mirrored pictures, then mirrored and turned by
    up to 0.2 of a full turn (as the notebook's augmentation does) at a
    lower learning rate, so that the features tolerate turned pictures.

    Args:
    - budget: 'full' (5,000 pictures, 7 + 4 epochs: about 45 min on 2 busy
      cores) or 'tiny' (40 pictures, 1 + 1 epoch: seconds, for CI)
    - path: where to write the '.weights.h5' file, or None not to save
    - resume: None, or a weights file of the end of phase 1 (with its
      '_head.npz') to run phase 2 only

    Returns:
    - base: the trained keras.Model (without its top)
    """
    import keras
    from . import source20
    assets_train.check_budget(budget)
    cfg = BUDGETS[budget]
    assets_train.seeded(SEED)
    x, y = source20.make_split(cfg['m'], DATA_SEED, SIZE)
    xv, yv = source20.make_split(cfg['val'], VAL_SEED, SIZE)
    base = build_model()
    for layer in base.layers:
        if isinstance(layer, keras.layers.BatchNormalization):
            layer.momentum = 0.9
    head = keras.layers.Dense(CLASSES, activation='softmax')
    phases = PHASES
    if resume is not None:
        assets_train.load_weights(base, resume)
        head.build((None, base.output.shape[-1]))
        with np.load(head_path(resume)) as f:
            head.set_weights([f['kernel'].astype(np.float32),
                              f['bias'].astype(np.float32)])
        phases = PHASES[1:]
    for phase in phases:
        epochs = cfg['epochs'] if phase['rotation'] == 0 else \
            cfg['epochs_turned']
        model = _classifier(base, head, phase['rotation'])
        steps = epochs * int(np.ceil(cfg['m'] / cfg['batch_size']))
        schedule = keras.optimizers.schedules.CosineDecay(
            phase['lr'], steps, alpha=0.05)
        model.compile(optimizer=keras.optimizers.Adam(learning_rate=schedule),
                      loss='sparse_categorical_crossentropy',
                      metrics=['accuracy'], jit_compile=False)
        model.fit(_dataset(x, y, cfg['batch_size'], True),
                  validation_data=_dataset(xv, yv, 100, False),
                  epochs=epochs, verbose=2 if budget == 'full' else 0)
    if path is not None:
        assets_train.save_weights(base, path)
        kernel, bias = head.get_weights()
        np.savez(head_path(path), kernel=kernel.astype(np.float16),
                 bias=bias.astype(np.float16))
    return base


def head_path(path):
    """The 20-way head saved beside the base (for the notebook's demo of
    what the source model sees): '<stem>_head.npz'."""
    path = str(path)
    return path[:-len('.weights.h5')] + '_head.npz'


def source_classifier(path, input_shape=(SIZE, SIZE, 3)):
    """The whole source model: the base, pooling and the saved 20-way
    softmax head; takes pictures already scaled to [-1, 1]."""
    import keras
    base = assets_train.load_weights(build_model(input_shape), path)
    with np.load(head_path(path)) as f:
        kernel, bias = f['kernel'], f['bias']
    dense = keras.layers.Dense(CLASSES, activation='softmax')
    model = keras.Sequential([base, keras.layers.GlobalAveragePooling2D(),
                              dense])
    model.build((None,) + tuple(input_shape))
    dense.set_weights([kernel.astype(np.float32), bias.astype(np.float32)])
    return model


def features(base, images, batch_size=64):
    """Pooled features of a base on uint8 (or float 0..255) pictures."""
    x = np.asarray(images, np.float32) / 127.5 - 1.0
    out = base.predict(x, batch_size=batch_size, verbose=0)
    return out.mean(axis=(1, 2))


def probe(train_feats, train_y, val_feats, val_y, steps=500, l2=1e-3):
    """Validation accuracy of a logistic regression fitted by gradient
    descent on standardised features (numpy only, deterministic)."""
    mu, sd = train_feats.mean(0), train_feats.std(0) + 1e-6
    a, b = (train_feats - mu) / sd, (val_feats - mu) / sd
    w, c = np.zeros(a.shape[1]), 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(a @ w + c)))
        w -= 0.1 * (a.T @ (p - train_y) / len(a) + l2 * w)
        c -= 0.1 * float(np.mean(p - train_y))
    return float(np.mean(((b @ w + c) > 0) == val_y))


def evaluate(path):
    """Behaviour of saved weights: the alpaca probe and the source task.

    Returns:
    - figures: {'alpaca_probe': validation accuracy of a linear probe on
      the frozen features, 'source_top1': held-out source accuracy of a
      probe-free nearest-class-mean classifier}
    """
    from . import alpaca_data, source20
    base = assets_train.load_weights(build_model(), path)
    (xt, yt), (xv, yv) = alpaca_data.split_arrays()
    figures = {'alpaca_probe': probe(features(base, xt), yt,
                                     features(base, xv), yv)}
    x, y = source20.make_split(400, VAL_SEED + 1, SIZE)
    f = features(base, x)
    means = np.stack([f[:200][y[:200] == k].mean(0) for k in range(CLASSES)])
    d = ((f[200:, None, :] - means[None]) ** 2).sum(-1)
    figures['source_top1'] = float(np.mean(d.argmin(1) == y[200:]))
    return figures
