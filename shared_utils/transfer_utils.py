"""Helpers of the transfer-learning notebook (C4_W2A2, alpacas).

- where the project's pre-trained MobileNetV2 lives (``BASE_WEIGHTS``) and
  how it was built (``ALPHA``, ``IMG_SIZE``, ``BASE_NAME``);
- ``preprocess_input``: MobileNetV2's input scaling as a Keras layer;
- the source model (base + its 20-way head) and ``decode_source``;
- ``scratch_model``: the same network with random weights, the baseline;
- ``fine_tune_fixture``: a small model shaped like the notebook's, for the
  checks of the fine-tuning exercise;
- plots: pictures of a data set, augmented copies, learning curves.
"""
import numpy as np

from . import assets_mobilenet, assets_train
from .source20 import CLASSES as SOURCE_CLASSES

ALPHA = assets_mobilenet.ALPHA            # width multiplier of the base
IMG_SIZE = (assets_mobilenet.SIZE,) * 2   # the pictures' height, width
BASE_NAME = 'mobilenetv2_base'            # the base's name in the model
BASE_WEIGHTS = str(assets_train.assets_core.REPO / 'shared_utils' /
                   'models' / assets_mobilenet.FILE)


def preprocess_input(x):
    """Scale pixels from [0, 255] to [-1, 1], as MobileNetV2 was trained.

    The same numbers as ``tf.keras.applications.mobilenet_v2.
    preprocess_input`` (x / 127.5 - 1), written as a ``Rescaling`` layer so
    that it appears among the model's layers (Keras 3 would turn the
    function into bare operations on the symbolic tensor).

    Args:
    - x: a Keras tensor or an array of pictures, (..., height, width, 3)

    Returns:
    - the scaled tensor, same shape
    """
    from keras import layers
    return layers.Rescaling(1 / 127.5, offset=-1.0)(x)


def source_model():
    """The pre-trained source model: base, pooling, 20-way softmax."""
    return assets_mobilenet.source_classifier(BASE_WEIGHTS)


def decode_source(probs, top=3):
    """The `top` most likely source classes of each picture.

    Args:
    - probs: array (m, 20) of softmax outputs of the source model

    Returns:
    - list of m lists of (class name, probability), most likely first
    """
    order = np.argsort(-probs, axis=1)[:, :top]
    return [[(SOURCE_CLASSES[j], float(p[j])) for j in row]
            for row, p in zip(order, probs)]


def scratch_model(image_shape, data_augmentation):
    """The alpaca network with a randomly initialised, trainable base.

    Its batch norms average their statistics with momentum 0.9 instead of
    MobileNetV2's 0.999, so that they settle within the few hundred steps
    of the notebook (as they did when the project trained the source
    model); otherwise the validation accuracy would stay at chance."""
    import keras
    from keras import layers
    shape = tuple(image_shape) + (3,)
    base = keras.applications.MobileNetV2(input_shape=shape, alpha=ALPHA,
                                          include_top=False, weights=None,
                                          name=BASE_NAME)
    for layer in base.layers:
        if isinstance(layer, layers.BatchNormalization):
            layer.momentum = 0.9
    inputs = keras.Input(shape=shape)
    x = preprocess_input(data_augmentation(inputs))
    x = base(x)
    x = layers.Dropout(0.2)(layers.GlobalAveragePooling2D()(x))
    return keras.Model(inputs, layers.Dense(1)(x))


def fine_tune_fixture(image_shape=(32, 32), small=False, seed=0):
    """A model shaped like the notebook's: augmentation, scaling, a frozen
    base called BASE_NAME (MobileNetV2, or with `small` a 13-layer
    convolutional stack), pooling, dropout and one logit."""
    import keras
    from keras import layers
    keras.utils.set_random_seed(seed)
    shape = tuple(image_shape) + (3,)
    if small:       # Functional: a rebuilt Sequential ignores trainable
        x = inputs = keras.Input(shape=shape)
        for k in range(4):
            x = layers.Conv2D(4 * (k + 1), 3, padding='same')(x)
            x = layers.ReLU()(layers.BatchNormalization()(x))
        base = keras.Model(inputs, x, name=BASE_NAME)
    else:
        base = keras.applications.MobileNetV2(input_shape=shape, alpha=ALPHA,
                                              include_top=False,
                                              weights=None, name=BASE_NAME)
    base.trainable = False
    inputs = keras.Input(shape=shape)
    x = keras.Sequential([layers.RandomFlip('horizontal'),
                          layers.RandomRotation(0.2)])(inputs)
    x = base(preprocess_input(x), training=False)
    x = layers.Dropout(0.2)(layers.GlobalAveragePooling2D()(x))
    return keras.Model(inputs, layers.Dense(1)(x))


def _axes_off(ax):
    ax.set_xticks([])
    ax.set_yticks([])


def show_samples(dataset, class_names, rows=2, cols=6):
    """A grid of pictures from the first batch, titled by class."""
    import matplotlib.pyplot as plt
    images, labels = next(iter(dataset))
    fig, axes = plt.subplots(rows, cols, figsize=(1.6 * cols, 1.8 * rows))
    for ax, img, lab in zip(axes.ravel(), images, labels):
        ax.imshow(np.asarray(img).astype('uint8'))
        ax.set_title(class_names[int(lab)], fontsize=9)
        _axes_off(ax)
    fig.tight_layout()
    return fig


def show_augmented(image, augmenter, n=8, seed=0):
    """The picture and `n` augmented copies (training=True)."""
    import keras
    import matplotlib.pyplot as plt
    keras.utils.set_random_seed(seed)
    fig, axes = plt.subplots(1, n + 1, figsize=(1.6 * (n + 1), 1.9))
    batch = np.asarray(image, np.float32)[None]
    axes[0].imshow(batch[0].astype('uint8'))
    axes[0].set_title('original', fontsize=9)
    for ax in axes[1:]:
        out = np.asarray(augmenter(batch, training=True))[0]
        ax.imshow(np.clip(out, 0, 255).astype('uint8'))
        _axes_off(ax)
    _axes_off(axes[0])
    fig.tight_layout()
    return fig


def plot_curves(histories, labels, start_fine=None):
    """Accuracy and loss per epoch, training and validation, for one or
    more runs; a dotted line where fine-tuning starts."""
    import matplotlib.pyplot as plt
    fig, axes = plt.subplots(1, 2, figsize=(10, 3.4))
    for ax, key in zip(axes, ('accuracy', 'loss')):
        for (epochs, hist), label in zip(histories, labels):
            ax.plot(epochs, hist[key], '-o', ms=3, label=f'{label} (train)')
            ax.plot(epochs, hist['val_' + key], '--s', ms=3,
                    label=f'{label} (validation)')
        if start_fine is not None:
            ax.axvline(start_fine, color='grey', ls=':', label='fine-tuning')
        ax.set_xlabel('epoch')
        ax.set_ylabel(key)
        ax.grid(alpha=0.3)
    axes[0].legend(fontsize=8)
    fig.tight_layout()
    return fig
