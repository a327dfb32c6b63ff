"""The small pretrained U-Net of C4_W3A2: its reference, training, checks.

The architecture is the notebook's ``unet_model`` (four contracting
blocks that double the filters and halve the picture, a bottleneck
without pooling, four expanding blocks that each upsample, concatenate the
matching skip connection and convolve, and a 1x1 convolution to one score
per class) with ``n_filters=N_FILTERS`` (8) instead of the course's 32:
540,999 parameters instead of 8,640,471, 16 times less work per picture,
so it trains on two CPU cores in minutes. The notebook builds it with the
learner's own ``unet_model(..., n_filters=8)`` and loads these weights
(``shared_utils/models/unet_carla8.weights.h5``, committed, 2.2 MB).

Training (``train``): sparse cross-entropy on the logits, batch 16,
mirrored pictures for half of each batch, in three stages each seeded on
its own with a fresh Adam: 12 epochs on the 960 scenes of ``carla_data``
that are not held out, 6 more at a lower rate, and 3 on those scenes plus
960 fresh ones (another seed). Ops are deterministic. The committed file
was made by resuming (``resume``) after stage 1 and after stage 2, which
this function does the same way: 16, 7 and about 8 min on one core of a
machine shared with other jobs.
``evaluate`` measures pixel accuracy and mean intersection over union on
the 100 held-out scenes. Asset contract: ``shared_utils/assets_train.py``.
"""
import numpy as np

from . import assets_train, carla_data

SEED = 3
N_FILTERS = 8
N_CLASSES = 23
INPUT = (96, 128, 3)
FRESH_SEED = 33_001         # extra scenes of the third stage
BUDGETS = {'full': {'epochs': 12, 'polish': 6, 'fresh': 3, 'train': None,
                    'batch_size': 16},
           'tiny': {'epochs': 1, 'polish': 1, 'fresh': 1, 'train': 32,
                    'batch_size': 16}}
PASS = {'pixel_accuracy': 0.85, 'mean_iou': 0.35}


def conv_block(inputs, n_filters, dropout_prob=0.0, max_pooling=True):
    """Two 3x3 'same' ReLU convolutions, optional dropout and 2x2 pooling.
    Returns (next_layer, skip_connection)."""
    from keras import layers
    x = inputs
    for _ in range(2):
        x = layers.Conv2D(n_filters, 3, padding='same', activation='relu',
                          kernel_initializer='he_normal')(x)
    if dropout_prob > 0:
        x = layers.Dropout(dropout_prob)(x)
    skip = x
    if max_pooling:
        x = layers.MaxPooling2D(pool_size=(2, 2))(x)
    return x, skip


def upsampling_block(expansive_input, contractive_input, n_filters):
    """Transposed 3x3 convolution with stride 2, concatenation with the
    skip connection, two 3x3 'same' ReLU convolutions."""
    from keras import layers
    x = layers.Conv2DTranspose(n_filters, 3, strides=2,
                               padding='same')(expansive_input)
    x = layers.concatenate([x, contractive_input], axis=3)
    for _ in range(2):
        x = layers.Conv2D(n_filters, 3, padding='same', activation='relu',
                          kernel_initializer='he_normal')(x)
    return x


def build_model(input_size=INPUT, n_filters=N_FILTERS, n_classes=N_CLASSES):
    """The reference U-Net (the course's layout) as a keras.Model."""
    import keras
    from keras import layers
    inputs = keras.Input(input_size)
    skips, x = [], inputs
    for k, drop in enumerate((0, 0, 0, 0.3)):
        x, skip = conv_block(x, n_filters * 2 ** k, drop)
        skips.append(skip)
    x, _ = conv_block(x, n_filters * 16, 0.3, max_pooling=False)
    for k in (3, 2, 1, 0):
        x = upsampling_block(x, skips[k], n_filters * 2 ** k)
    x = layers.Conv2D(n_filters, 3, padding='same', activation='relu',
                      kernel_initializer='he_normal')(x)
    outputs = layers.Conv2D(n_classes, 1, padding='same')(x)
    return keras.Model(inputs=inputs, outputs=outputs)


def compile_model(model, learning_rate=0.001):
    import keras
    model.compile(optimizer=keras.optimizers.Adam(learning_rate),
                  loss=keras.losses.SparseCategoricalCrossentropy(
                      from_logits=True),
                  metrics=['accuracy'])
    return model


def _batches(x, y, batch_size, rng):
    """Shuffled batches; half of each batch mirrored left-right."""
    order = rng.permutation(len(x))
    for start in range(0, len(x) - batch_size + 1, batch_size):
        idx = order[start:start + batch_size]
        xb, yb = x[idx].copy(), y[idx].copy()
        flip = rng.random(len(idx)) < 0.5
        xb[flip], yb[flip] = xb[flip, :, ::-1], yb[flip, :, ::-1]
        yield xb, yb


def _fit(model, x, y, epochs, rates, batch_size, seed, log, start):
    """Epochs of mini-batch Adam; `rates`: {epoch: learning rate}."""
    import time
    rng = np.random.default_rng(seed)
    for epoch in range(epochs):
        if epoch in rates:
            model.optimizer.learning_rate.assign(rates[epoch])
        losses = [float(model.train_on_batch(xb, yb)[0]) for xb, yb in
                  _batches(x, y, batch_size, rng)]
        if log:
            log(f'epoch {epoch + 1}/{epochs}: loss {np.mean(losses):.4f} '
                f'({time.time() - start:.0f} s)')


def train(budget='full', path=None, log=print, resume=None):
    """Train on the scenes that are not held out; save the weights.

    Three stages, each seeded on its own and each with a fresh Adam:
    `epochs` epochs at 0.003 (0.001 for the last third); `polish` epochs
    at 0.001 (0.0003 for the last third); `fresh` epochs at 0.0005
    (0.00015 for the last) on twice the scenes: the same 960 and as many
    fresh ones drawn with FRESH_SEED (never written to the folder).

    Args:
    - budget: 'full' (12 + 6 + 3 epochs, about 30 min on one core) or
      'tiny' (one epoch per stage on 32 scenes, for CI)
    - path: where to write the '.weights.h5' file, or None; each stage's
      weights are also saved beside it ('<path>.stage<k>.weights.h5')
    - resume: None, or (k, weights file saved after stage k) to run the
      later stages only

    Returns:
    - model: the trained keras.Model
    """
    import time
    assets_train.check_budget(budget)
    cfg = BUDGETS[budget]
    names = [n for n in carla_data.names()
             if n not in set(carla_data.held_out_names())]
    x, y = carla_data.load_arrays(names[:cfg['train']])
    start, log = time.time(), log if budget == 'full' else None
    assets_train.seeded(SEED)
    model = build_model()
    done = 0
    if resume is not None:
        done = resume[0]
        assets_train.load_weights(model, resume[1])
    stages = [(0.003, cfg['epochs'], 2 / 3, 0.001),
              (0.001, cfg['polish'], 2 / 3, 0.0003),
              (0.0005, cfg['fresh'], None, 0.00015)]
    for k, (rate, epochs, when, later) in enumerate(stages, start=1):
        if k == 3:
            fresh = [carla_data.render_pair(i, seed=FRESH_SEED)
                     for i in range(len(x))]
            x = np.concatenate([x, np.stack([f[0] for f in fresh])
                                / np.float32(255)])
            y = np.concatenate([y, np.stack([f[1] for f in fresh])])
        if k <= done:
            continue
        assets_train.seeded(SEED + k - 1)
        compile_model(model, rate)
        switch = int(epochs * when) if when else epochs - 1
        _fit(model, x, y, epochs, {switch: later}, cfg['batch_size'],
             SEED + k - 1, log, start)
        if path is not None:
            _save(model, f'{path}.stage{k}.weights.h5' if k < 3 else path)
    return model


def _save(model, path):
    """The weights only, without Adam's state."""
    plain = build_model()
    plain.set_weights(model.get_weights())
    assets_train.save_weights(plain, path)


def predict_masks(model, x, batch_size=50):
    """Most likely class of every pixel: uint8 (m, h, w)."""
    out = [np.asarray(model(x[i:i + batch_size], training=False)).argmax(-1)
           for i in range(0, len(x), batch_size)]
    return np.concatenate(out).astype(np.uint8)


def scores(pred, truth, n_classes=N_CLASSES):
    """Pixel accuracy, mean IoU over the classes present in `truth`, and
    the IoU of each of them ({class id: IoU})."""
    pred = np.asarray(pred).ravel().astype(np.int64)
    truth = np.asarray(truth).ravel().astype(np.int64)
    both = np.bincount(truth * n_classes + pred, minlength=n_classes ** 2)
    confusion = both.reshape(n_classes, n_classes)
    hits = np.diag(confusion)
    union = confusion.sum(0) + confusion.sum(1) - hits
    present = np.nonzero(confusion.sum(1))[0]
    iou = {int(c): float(hits[c] / union[c]) for c in present}
    return float(hits.sum() / confusion.sum()), float(np.mean(
        list(iou.values()))), iou


def evaluate(path):
    """Behaviour of saved weights on the 100 held-out scenes (see PASS)."""
    model = assets_train.load_weights(build_model(), path)
    x, y = carla_data.load_arrays(carla_data.held_out_names())
    accuracy, mean_iou, _ = scores(predict_masks(model, x), y)
    return {'pixel_accuracy': accuracy, 'mean_iou': mean_iou}


def load(path=None):
    """The reference small U-Net with the committed weights loaded."""
    if path is None:
        from . import assets
        path = assets.get('unet_carla').recipe.path()
    return assets_train.load_weights(build_model(), path)


if __name__ == '__main__':
    # python -m shared_utils.assets_unet OUT [K STAGE_K_WEIGHTS]
    import sys
    train('full', sys.argv[1], resume=(int(sys.argv[2]), sys.argv[3])
          if len(sys.argv) > 3 else None)
