"""The "pretrained" ResNet-50 of C4_W2A1, trained by the project on SIGNS.

The course ends its residual-networks notebook by loading a ResNet-50 that
was trained on SIGNS for longer than a notebook can afford. We train our own:
the course's layout (``resnet_reference.ResNet50``, 23,600,006 parameters)
on our 1,080 training hand signs (``shared_utils.signs``), pixels scaled to
[0, 1], one-hot labels, Adam (learning rate 0.001), categorical
cross-entropy, batches of 32, `BUDGETS['full']['epochs']` epochs, no
augmentation. The weights are then rounded to float16, and the batch-norm
moving statistics re-estimated for them over one pass of the training set
(`recalibrate`): the moving averages kept during training lag behind the
fast-changing weights (test accuracy in inference mode about 0.5 after 10
epochs, 0.9 with the batch's own statistics). Held out: the 120 test signs of the data set and 600 fresh
pictures from the same renderer (seed `FRESH_SEED`).

The weights are stored as float16 (47 MB instead of 94 MB; the accuracy is
unchanged) in ``shared_utils/models/resnet50_signs.weights.h5`` (committed),
beside ``resnet50_signs.history.json``, the per-epoch loss and accuracies of
the run, which the notebook plots. Keras casts float16 values to the
model's float32 variables on ``load_weights``.

Asset contract: see ``shared_utils/assets_train.py``.
"""
import json
import time
from pathlib import Path

import numpy as np

from . import assets_train

SEED = 2                  # weights initialisation and batch order
FRESH_SEED = 31           # 600 extra held-out pictures of `evaluate`
RECALIBRATE_SEED = 5      # picture order of the batch-norm statistics
BUDGETS = {'full': {'m': 1080, 'epochs': 20, 'batch_size': 32},
           'tiny': {'m': 64, 'epochs': 1, 'batch_size': 32}}
PASS = {'test_accuracy': 0.90, 'fresh_accuracy': 0.85}


def build_model():
    """Return a fresh course-layout ResNet-50 for 64x64x3 inputs, 6 classes."""
    from .resnet_reference import ResNet50
    return ResNet50(input_shape=(64, 64, 3), classes=6)


def arrays():
    """Return the SIGNS arrays as the notebook prepares them.

    Returns:
    - X_train: float32 (1080, 64, 64, 3) in [0, 1]
    - Y_train: float32 (1080, 6), one-hot
    - X_test: float32 (120, 64, 64, 3)
    - Y_test: float32 (120, 6)
    """
    from .signs import load_signs
    x_tr, y_tr, x_te, y_te, _ = load_signs()
    eye = np.eye(6, dtype=np.float32)
    return (x_tr.astype(np.float32) / 255, eye[y_tr.ravel()],
            x_te.astype(np.float32) / 255, eye[y_te.ravel()])


def fresh_arrays(n=600):
    """Return `n` unseen pictures (float32 in [0, 1]) and one-hot labels."""
    from .signs import make_split
    x, y = make_split(n, FRESH_SEED)
    return x.astype(np.float32) / 255, np.eye(6, dtype=np.float32)[y]


def to_float16(src, dst):
    """Copy a Keras '.weights.h5' file, storing float32 arrays as float16.

    Args:
    - src: path of the file Keras wrote
    - dst: path of the float16 copy, without the optimizer's state
    """
    import h5py

    def copy(g_in, g_out):
        for k, v in g_in.attrs.items():
            g_out.attrs[k] = v
        for name, item in g_in.items():
            if isinstance(item, h5py.Group):
                copy(item, g_out.create_group(name))
            else:
                a = item[()]
                if getattr(a, 'dtype', None) == np.float32:
                    a = a.astype(np.float16)
                d = g_out.create_dataset(name, data=a)
                for k, v in item.attrs.items():
                    d.attrs[k] = v

    with h5py.File(src, 'r') as f_in, h5py.File(dst, 'w') as f_out:
        for k, v in f_in.attrs.items():
            f_out.attrs[k] = v
        for name in ('layers', 'vars'):     # not the optimizer's state
            if name in f_in:
                copy(f_in[name], f_out.create_group(name))


def save_float16(model, path):
    """Save `model`'s weights to `path` as float16 (atomic, via a temp)."""
    path = Path(path)
    tmp = path.with_name('.f32.' + path.name)
    assets_train.save_weights(model, tmp)
    try:
        half = path.with_name('.f16.' + path.name)
        to_float16(tmp, half)
        half.replace(path)
    finally:
        tmp.unlink(missing_ok=True)


def accuracy(model, X, Y, batch_size=60):
    """Share of pictures whose arg-max class is the label (inference BN)."""
    p = model.predict(X, batch_size=batch_size, verbose=0)
    return float(np.mean(p.argmax(1) == Y.argmax(1)))


def round_to_float16(model):
    """Round every weight to float16 precision (what the file keeps)."""
    model.set_weights([w.astype(np.float16).astype(w.dtype)
                       for w in model.get_weights()])


def recalibrate(model, X, batch_size=32, seed=RECALIBRATE_SEED):
    """Re-estimate every batch-norm layer's moving mean and variance.

    During training each BatchNormalization keeps exponential moving
    averages (momentum 0.99, so roughly the last 100 batches) of its batch
    statistics; while the weights still change fast these lag behind, and
    inference, which uses them, does much worse than training. This pass
    replaces them by the plain average of the batch statistics over one
    pass of `X` in random order, with the final weights (the weights
    themselves do not change).

    Args:
    - model: keras.Model with BatchNormalization layers
    - X: float32 array of training pictures
    - batch_size: int
    - seed: int, the order of the pictures
    """
    import keras
    bns = [layer for layer in model.layers
           if isinstance(layer, keras.layers.BatchNormalization)]
    saved = [layer.momentum for layer in bns]
    order = np.random.default_rng(seed).permutation(len(X))
    for i, start in enumerate(range(0, len(X), batch_size)):
        for layer in bns:      # running average: weight 1 / (i + 1)
            layer.momentum = i / (i + 1)
        model(X[order[start:start + batch_size]], training=True)
    for layer, momentum in zip(bns, saved):
        layer.momentum = momentum


def train(budget='full', path=None, checkpoints=None):
    """Train the ResNet-50 on SIGNS and save its float16 weights.

    Args:
    - budget: 'full' (1,080 pictures, `epochs` epochs, about 75 s an epoch
      on 2 idle cores) or 'tiny' (64 pictures, 1 epoch: seconds, for CI)
    - path: where to write the '.weights.h5' file, or None not to save;
      the history goes beside it ('.history.json' instead)
    - checkpoints: a folder to save every epoch's float16 weights in (to
      choose the number of epochs), or None

    Returns:
    - model: the trained keras.Model
    """
    import keras
    assets_train.check_budget(budget)
    cfg = BUDGETS[budget]
    assets_train.seeded(SEED)
    X_train, Y_train, X_test, Y_test = arrays()
    X_train, Y_train = X_train[:cfg['m']], Y_train[:cfg['m']]
    model = build_model()
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.001),
                  loss='categorical_crossentropy', metrics=['accuracy'],
                  jit_compile=False)
    history = {'loss': [], 'accuracy': [], 'test_accuracy': [],
               'seconds': []}
    start = time.time()

    class Log(keras.callbacks.Callback):
        def on_epoch_end(self, epoch, logs=None):
            history['loss'].append(float(logs['loss']))
            history['accuracy'].append(float(logs['accuracy']))
            history['test_accuracy'].append(accuracy(model, X_test, Y_test))
            history['seconds'].append(round(time.time() - start, 1))
            if budget == 'full':
                print(f'epoch {epoch + 1}: ' + ', '.join(
                    f'{k} {v[-1]:.4f}' for k, v in history.items()),
                    flush=True)
            if checkpoints is not None:
                Path(checkpoints).mkdir(parents=True, exist_ok=True)
                save_float16(model, Path(checkpoints) /
                             f'epoch{epoch + 1:02d}.weights.h5')

    model.fit(X_train, Y_train, epochs=cfg['epochs'],
              batch_size=cfg['batch_size'], shuffle=True, verbose=0,
              callbacks=[Log()])
    round_to_float16(model)
    recalibrate(model, X_train)
    history['final_test_accuracy'] = accuracy(model, X_test, Y_test)
    if path is not None:
        save_float16(model, path)
        Path(history_path(path)).write_text(json.dumps(history, indent=1))
    return model


def history_path(path):
    """Return the history file that goes with a weights file."""
    path = Path(path)
    return path.with_name(path.name.replace('.weights.h5', '.history.json'))


def load(path=None):
    """Return the reference ResNet-50 with the trained weights loaded.

    Args:
    - path: a weights file; None for the committed one
    """
    if path is None:
        from . import assets
        path = assets.get('resnet50_signs').recipe.path()
    return assets_train.load_weights(build_model(), path)


def evaluate(path):
    """Behaviour of saved weights on held-out pictures.

    Returns:
    - figures: {'test_accuracy': on the 120 test signs,
      'fresh_accuracy': on 600 fresh pictures}
    """
    model = assets_train.load_weights(build_model(), path)
    _, _, X_test, Y_test = arrays()
    X_fresh, Y_fresh = fresh_arrays()
    return {'test_accuracy': accuracy(model, X_test, Y_test),
            'fresh_accuracy': accuracy(model, X_fresh, Y_fresh)}
