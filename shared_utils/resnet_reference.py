"""Our reference ResNet building blocks (C4_W2A1) for the notebooks and the
asset pipeline that come after it.

``identity_block`` and ``convolutional_block`` take a Keras tensor and return
one (Functional API), so they compose into a model; ``ResNet50`` stacks them in
the course's layout (23,600,006 parameters for a 64x64x3 input and 6 classes,
53,120 of them the non-trainable BatchNormalization statistics).

Conventions: channels last, ``(m, n_H, n_W, n_C)``. Every convolution gets its
own ``initializer(seed=0)`` (Keras 3 seeded initializers repeat their values,
so equally shaped kernels start equal; training separates them). Every
BatchNormalization normalises the channel axis 3 and is called with
``training``; the blocks default to ``training=True``, as the course's do, and
a Keras 3 model still switches them to inference inside ``predict`` and
``evaluate``.

C4_W2A1 never imports this module (there the learner writes the blocks).
"""
from keras import Input, Model
from keras.initializers import glorot_uniform, random_uniform
from keras.layers import (Activation, Add, AveragePooling2D,
                          BatchNormalization, Conv2D, Dense, Flatten,
                          MaxPooling2D, ZeroPadding2D)

__all__ = ['identity_block', 'convolutional_block', 'ResNet50', 'STAGES']

# (filters, stride of the convolutional block, identity blocks after it)
STAGES = (([64, 64, 256], 1, 2), ([128, 128, 512], 2, 3),
          ([256, 256, 1024], 2, 5), ([512, 512, 2048], 2, 2))


def identity_block(X, f, filters, training=True, initializer=random_uniform):
    """Residual block whose shortcut is the input itself.

    Main path: 1x1 conv (F1, 'valid') -> BN -> ReLU -> fxf conv (F2, 'same')
    -> BN -> ReLU -> 1x1 conv (F3, 'valid') -> BN; then add the input and
    apply ReLU.

    Args:
        X: tensor (m, n_H, n_W, n_C) with n_C == F3.
        f: int, size of the middle convolution's window.
        filters: [F1, F2, F3], filters of the three convolutions.
        training: bool, passed to every BatchNormalization.
        initializer: initializer class called as initializer(seed=0).

    Returns:
        X: tensor (m, n_H, n_W, F3).
    """
    F1, F2, F3 = filters
    X_shortcut = X
    X = Conv2D(F1, 1, strides=1, padding='valid',
               kernel_initializer=initializer(seed=0))(X)
    X = BatchNormalization(axis=3)(X, training=training)
    X = Activation('relu')(X)
    X = Conv2D(F2, f, strides=1, padding='same',
               kernel_initializer=initializer(seed=0))(X)
    X = BatchNormalization(axis=3)(X, training=training)
    X = Activation('relu')(X)
    X = Conv2D(F3, 1, strides=1, padding='valid',
               kernel_initializer=initializer(seed=0))(X)
    X = BatchNormalization(axis=3)(X, training=training)
    X = Add()([X, X_shortcut])
    return Activation('relu')(X)


def convolutional_block(X, f, filters, s=2, training=True,
                        initializer=glorot_uniform):
    """Residual block whose shortcut is a strided 1x1 conv and BN.

    Main path: 1x1 conv (F1, stride s, 'valid') -> BN -> ReLU -> fxf conv
    (F2, 'same') -> BN -> ReLU -> 1x1 conv (F3, 'valid') -> BN. Shortcut:
    1x1 conv (F3, stride s, 'valid') -> BN. Add both, then ReLU.

    Args:
        X: tensor (m, n_H, n_W, n_C).
        f: int, size of the middle convolution's window.
        filters: [F1, F2, F3].
        s: int, stride of the first convolution and of the shortcut.
        training: bool, passed to every BatchNormalization.
        initializer: initializer class called as initializer(seed=0).

    Returns:
        X: tensor (m, ceil(n_H / s), ceil(n_W / s), F3).
    """
    F1, F2, F3 = filters
    X_shortcut = X
    X = Conv2D(F1, 1, strides=s, padding='valid',
               kernel_initializer=initializer(seed=0))(X)
    X = BatchNormalization(axis=3)(X, training=training)
    X = Activation('relu')(X)
    X = Conv2D(F2, f, strides=1, padding='same',
               kernel_initializer=initializer(seed=0))(X)
    X = BatchNormalization(axis=3)(X, training=training)
    X = Activation('relu')(X)
    X = Conv2D(F3, 1, strides=1, padding='valid',
               kernel_initializer=initializer(seed=0))(X)
    X = BatchNormalization(axis=3)(X, training=training)
    X_shortcut = Conv2D(F3, 1, strides=s, padding='valid',
                        kernel_initializer=initializer(seed=0))(X_shortcut)
    X_shortcut = BatchNormalization(axis=3)(X_shortcut, training=training)
    X = Add()([X, X_shortcut])
    return Activation('relu')(X)


def ResNet50(input_shape=(64, 64, 3), classes=6):
    """The course's ResNet-50: stem, four stages of residual blocks, head.

    ZeroPadding2D(3) -> Conv2D(64, 7x7, stride 2) -> BN -> ReLU ->
    MaxPooling2D(3x3, stride 2) -> stages 2-5 (``STAGES``, f = 3) ->
    AveragePooling2D(2x2) -> Flatten -> Dense(classes, softmax).

    Args:
        input_shape: tuple (n_H, n_W, n_C) of one image.
        classes: int, number of classes.

    Returns:
        model: keras.Model mapping (m, *input_shape) to (m, classes).
    """
    X_input = Input(input_shape)
    X = ZeroPadding2D((3, 3))(X_input)
    X = Conv2D(64, (7, 7), strides=(2, 2),
               kernel_initializer=glorot_uniform(seed=0))(X)
    X = BatchNormalization(axis=3)(X)
    X = Activation('relu')(X)
    X = MaxPooling2D((3, 3), strides=(2, 2))(X)
    for filters, s, n_identity in STAGES:
        X = convolutional_block(X, f=3, filters=filters, s=s)
        for _ in range(n_identity):
            X = identity_block(X, 3, filters)
    X = AveragePooling2D((2, 2))(X)
    X = Flatten()(X)
    X = Dense(classes, activation='softmax',
              kernel_initializer=glorot_uniform(seed=0))(X)
    return Model(inputs=X_input, outputs=X)
