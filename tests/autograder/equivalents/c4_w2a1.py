"""Correct solutions of C4_W2A1 written differently: each must score full
marks. They use only the notebook's imports (keras, tf, the layer
classes, Model, Input, the initializers)."""
import keras
import tensorflow as tf
from keras.initializers import glorot_uniform, random_uniform
from keras.layers import (Activation, Add, AveragePooling2D,
                          BatchNormalization, Conv2D, Dense, Flatten, Input,
                          MaxPooling2D, ZeroPadding2D)
from keras.models import Model

from autograder.checking import Mutants

equivalents = Mutants()


@equivalents('identity_block', 'tf.keras.layers, ReLU(), layers.add(), '
             'axis=-1, a loop over the three components')
def identity_block(X, f, filters, training=True, initializer=random_uniform):
    shortcut = X
    sizes = [(1, 'valid'), (f, 'same'), (1, 'valid')]
    for i, (n, (k, pad)) in enumerate(zip(filters, sizes)):
        X = tf.keras.layers.Conv2D(n, (k, k), padding=pad,
                                   kernel_initializer=initializer(seed=0))(X)
        X = tf.keras.layers.BatchNormalization(axis=-1)(X, training=training)
        if i < 2:
            X = tf.keras.layers.ReLU()(X)
    X = keras.layers.add([shortcut, X])
    return keras.layers.ReLU()(X)


@equivalents('identity_block', "keras.layers names, activation='relu' as a "
             'separate Activation, Add with the inputs swapped')
def identity_block(X, f, filters, training=True,  # noqa: F811
                   initializer=random_uniform):
    F1, F2, F3 = filters
    main = keras.layers.Conv2D(F1, 1, kernel_initializer=initializer(
        seed=0))(X)
    main = keras.layers.BatchNormalization(axis=3)(main, training=training)
    main = keras.layers.Activation('relu')(main)
    main = keras.layers.Conv2D(F2, (f, f), padding='same',
                               kernel_initializer=initializer(seed=0))(main)
    main = keras.layers.BatchNormalization(axis=3)(main, training=training)
    main = keras.layers.Activation(activation='relu')(main)
    main = keras.layers.Conv2D(F3, 1, kernel_initializer=initializer(
        seed=0))(main)
    main = keras.layers.BatchNormalization(axis=3)(main, training=training)
    return Activation('relu')(Add()([X, main]))


@equivalents('convolutional_block', 'shortcut built first, tf.keras layers, '
             'ReLU(), layers.add()')
def convolutional_block(X, f, filters, s=2, training=True,
                        initializer=glorot_uniform):
    F1, F2, F3 = filters
    short = tf.keras.layers.Conv2D(F3, 1, strides=s,
                                   kernel_initializer=initializer(seed=0))(X)
    short = tf.keras.layers.BatchNormalization(axis=3)(short,
                                                       training=training)
    X = tf.keras.layers.Conv2D(F1, 1, strides=s,
                               kernel_initializer=initializer(seed=0))(X)
    X = tf.keras.layers.BatchNormalization(axis=3)(X, training=training)
    X = tf.keras.layers.ReLU()(X)
    X = tf.keras.layers.Conv2D(F2, f, padding='same',
                               kernel_initializer=initializer(seed=0))(X)
    X = tf.keras.layers.BatchNormalization(axis=3)(X, training=training)
    X = tf.keras.layers.ReLU()(X)
    X = tf.keras.layers.Conv2D(F3, 1,
                               kernel_initializer=initializer(seed=0))(X)
    X = tf.keras.layers.BatchNormalization(axis=3)(X, training=training)
    return tf.keras.layers.ReLU()(tf.keras.layers.add([X, short]))


@equivalents('convolutional_block', 'a helper for conv + batch norm, '
             'Add()([shortcut, X]), axis=-1')
def convolutional_block(X, f, filters, s=2, training=True,  # noqa: F811
                        initializer=glorot_uniform):
    def conv_bn(x, n, k, stride=1, padding='valid'):
        x = Conv2D(n, (k, k), strides=(stride, stride), padding=padding,
                   kernel_initializer=initializer(seed=0))(x)
        return BatchNormalization(axis=-1)(x, training=training)

    F1, F2, F3 = filters
    main = Activation('relu')(conv_bn(X, F1, 1, stride=s))
    main = Activation('relu')(conv_bn(main, F2, f, padding='same'))
    main = conv_bn(main, F3, 1)
    shortcut = conv_bn(X, F3, 1, stride=s)
    return Activation('relu')(Add()([shortcut, main]))


@equivalents('ResNet50', 'stages from a table in a loop, tf.keras names, '
             'ReLU()')
def ResNet50(input_shape=(64, 64, 3), classes=6):  # noqa: N802
    inputs = tf.keras.Input(shape=input_shape)
    X = tf.keras.layers.ZeroPadding2D(padding=3)(inputs)
    X = tf.keras.layers.Conv2D(64, 7, strides=2,
                               kernel_initializer=glorot_uniform(seed=0))(X)
    X = tf.keras.layers.BatchNormalization(axis=3)(X)
    X = tf.keras.layers.ReLU()(X)
    X = tf.keras.layers.MaxPooling2D(pool_size=3, strides=2)(X)
    stages = [([64, 64, 256], 1, 2), ([128, 128, 512], 2, 3),
              ([256, 256, 1024], 2, 5), ([512, 512, 2048], 2, 2)]
    for filters, s, repeats in stages:
        X = convolutional_block(X, 3, filters, s=s)
        for _ in range(repeats):
            X = identity_block(X, f=3, filters=filters)
    X = tf.keras.layers.AveragePooling2D(pool_size=2)(X)
    X = tf.keras.layers.Flatten()(X)
    X = tf.keras.layers.Dense(classes,
                              kernel_initializer=glorot_uniform(seed=0))(X)
    X = tf.keras.layers.Activation('softmax')(X)
    return tf.keras.Model(inputs, X)


@equivalents('ResNet50', 'keras.layers names, Activation(\'relu\'), '
             'keras.Model(inputs=..., outputs=...)')
def ResNet50(input_shape=(64, 64, 3), classes=6):  # noqa: N802,F811
    X_input = keras.Input(input_shape)
    X = keras.layers.ZeroPadding2D((3, 3))(X_input)
    X = keras.layers.Conv2D(64, (7, 7), strides=(2, 2),
                            kernel_initializer=glorot_uniform(seed=0))(X)
    X = keras.layers.BatchNormalization(axis=3)(X)
    X = keras.layers.Activation('relu')(X)
    X = keras.layers.MaxPooling2D((3, 3), strides=(2, 2))(X)
    X = convolutional_block(X, f=3, filters=[64, 64, 256], s=1)
    for _ in range(2):
        X = identity_block(X, 3, [64, 64, 256])
    for filters, n in (([128, 128, 512], 3), ([256, 256, 1024], 5),
                       ([512, 512, 2048], 2)):
        X = convolutional_block(X, f=3, filters=filters, s=2)
        for _ in range(n):
            X = identity_block(X, 3, filters)
    X = keras.layers.AveragePooling2D((2, 2))(X)
    X = keras.layers.Flatten()(X)
    X = keras.layers.Dense(classes, activation='softmax',
                           kernel_initializer=glorot_uniform(seed=0))(X)
    return keras.models.Model(inputs=X_input, outputs=X)


# keep flake8 quiet about names only the notebook's namespace provides
_ = (Dense, Flatten, Input, MaxPooling2D, Model, ZeroPadding2D,
     AveragePooling2D)
