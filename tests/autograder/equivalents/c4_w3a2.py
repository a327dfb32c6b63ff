"""Correct solutions of C4_W3A2 written differently: each must score full
marks."""
import tensorflow as tf
from tensorflow.keras.layers import (Conv2D, Conv2DTranspose, Dropout, Input,
                                     MaxPooling2D, concatenate)

from autograder.checking import Mutants

equivalents = Mutants()


@equivalents('conv_block', 'a loop, tf.keras.layers names, ReLU as its own '
             'layer, MaxPool2D alias, a truthy dropout test')
def conv_block(inputs=None, n_filters=32, dropout_prob=0, max_pooling=True):
    x = inputs
    for _ in range(2):
        x = tf.keras.layers.Conv2D(filters=n_filters, kernel_size=(3, 3),
                                   padding='same',
                                   kernel_initializer=tf.keras.initializers.
                                   HeNormal())(x)
        x = tf.keras.layers.ReLU()(x)
    if dropout_prob:
        x = tf.keras.layers.Dropout(rate=dropout_prob)(x)
    skip_connection = x
    next_layer = tf.keras.layers.MaxPool2D(2, strides=2)(x) \
        if max_pooling else x
    return next_layer, skip_connection


@equivalents('conv_block', 'imported names, Activation layers, an early '
             'return without pooling')
def conv_block(inputs=None, n_filters=32, dropout_prob=0,  # noqa: F811
               max_pooling=True):
    conv = Conv2D(n_filters, 3, padding='same',
                  kernel_initializer='he_normal')(inputs)
    conv = tf.keras.layers.Activation('relu')(conv)
    conv = Conv2D(n_filters, 3, padding='same',
                  kernel_initializer='he_normal')(conv)
    conv = tf.keras.layers.Activation('relu')(conv)
    if dropout_prob > 0.0:
        conv = Dropout(dropout_prob)(conv)
    if not max_pooling:
        return conv, conv
    return MaxPooling2D(pool_size=2)(conv), conv


@equivalents('upsampling_block', 'tf.keras.layers.Concatenate(axis=-1), '
             'int strides, a loop over the two convolutions')
def upsampling_block(expansive_input, contractive_input, n_filters=32):
    x = tf.keras.layers.Conv2DTranspose(n_filters, (3, 3), strides=2,
                                        padding='same')(expansive_input)
    x = tf.keras.layers.Concatenate(axis=-1)([x, contractive_input])
    for _ in range(2):
        x = tf.keras.layers.Conv2D(n_filters, (3, 3), padding='same',
                                   activation=tf.nn.relu,
                                   kernel_initializer='he_normal')(x)
    return x


@equivalents('upsampling_block', 'keyword arguments everywhere, '
             "ReLU layers, concatenate(..., axis=-1)")
def upsampling_block(expansive_input, contractive_input,  # noqa: F811
                     n_filters=32):
    up = Conv2DTranspose(filters=n_filters, kernel_size=3, strides=(2, 2),
                         padding='same')(expansive_input)
    merged = concatenate([up, contractive_input], axis=-1)
    conv = Conv2D(filters=n_filters, kernel_size=3, padding='same',
                  kernel_initializer='he_normal')(merged)
    conv = tf.keras.layers.ReLU()(conv)
    conv = Conv2D(filters=n_filters, kernel_size=3, padding='same',
                  kernel_initializer='he_normal')(conv)
    return tf.keras.layers.ReLU()(conv)


@equivalents('unet_model', 'loops over the levels, skips kept in a list')
def unet_model(input_size=(96, 128, 3), n_filters=32, n_classes=23):
    inputs = Input(shape=input_size)
    x, skips = inputs, []
    for level in range(4):
        x, skip = conv_block(x, n_filters * 2 ** level,
                             dropout_prob=0.3 if level == 3 else 0)
        skips.append(skip)
    x, _ = conv_block(x, n_filters * 16, 0.3, False)
    for level in reversed(range(4)):
        x = upsampling_block(x, skips[level], n_filters * 2 ** level)
    x = Conv2D(n_filters, 3, activation='relu', padding='same',
               kernel_initializer='he_normal')(x)
    outputs = Conv2D(n_classes, kernel_size=1, padding='same',
                     activation='linear')(x)
    return tf.keras.Model(inputs, outputs)


@equivalents('unet_model', 'unpacked pairs, filter counts written out, '
             'tf.keras.models.Model')
def unet_model(input_size=(96, 128, 3), n_filters=32,  # noqa: F811
               n_classes=23):
    n = n_filters
    inputs = tf.keras.Input(input_size)
    p1, s1 = conv_block(inputs, n)
    p2, s2 = conv_block(p1, 2 * n)
    p3, s3 = conv_block(p2, 4 * n)
    p4, s4 = conv_block(p3, 8 * n, dropout_prob=0.3)
    bottom, _ = conv_block(p4, 16 * n, dropout_prob=0.3, max_pooling=False)
    u = upsampling_block(bottom, s4, n_filters=8 * n)
    u = upsampling_block(u, s3, n_filters=4 * n)
    u = upsampling_block(u, s2, n_filters=2 * n)
    u = upsampling_block(u, s1, n_filters=n)
    u = tf.keras.layers.Conv2D(n, 3, padding='same', activation='relu',
                               kernel_initializer='he_normal')(u)
    logits = tf.keras.layers.Conv2D(n_classes, 1)(u)
    return tf.keras.models.Model(inputs=inputs, outputs=logits)
