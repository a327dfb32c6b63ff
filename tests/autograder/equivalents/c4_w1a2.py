"""Correct solutions of C4_W1A2 written differently: each must score full
marks."""
import tensorflow as tf
import tensorflow.keras.layers as tfl

from autograder.checking import Mutants

equivalents = Mutants()


@equivalents('happyModel', 'Sequential built with add(), tf.keras.layers, '
             'int arguments, Activation layers, MaxPool2D alias')
def happyModel():
    model = tf.keras.Sequential()
    model.add(tf.keras.Input((64, 64, 3)))
    model.add(tfl.ZeroPadding2D(3))
    model.add(tfl.Conv2D(32, 7))
    model.add(tfl.BatchNormalization(axis=-1))
    model.add(tfl.Activation('relu'))
    model.add(tfl.MaxPool2D())
    model.add(tfl.Flatten())
    model.add(tfl.Dense(1))
    model.add(tfl.Activation('sigmoid'))
    return model


@equivalents('happyModel', 'the Functional API with tf.keras.layers and '
             'padding given per side')
def happyModel():  # noqa: F811
    inputs = tf.keras.Input(shape=(64, 64, 3))
    x = tf.keras.layers.ZeroPadding2D(((3, 3), (3, 3)))(inputs)
    x = tf.keras.layers.Conv2D(32, (7, 7), strides=1, padding='valid')(x)
    x = tf.keras.layers.BatchNormalization(axis=3)(x)
    x = tf.keras.layers.ReLU()(x)
    x = tf.keras.layers.MaxPooling2D(pool_size=2, strides=2)(x)
    x = tf.keras.layers.Flatten()(x)
    outputs = tf.keras.layers.Dense(1, activation=tf.keras.activations.
                                    sigmoid)(x)
    return tf.keras.Model(inputs=inputs, outputs=outputs)


@equivalents('convolutional_model', "activation='relu' inside Conv2D, int "
             'sizes, tf.keras.layers, MaxPooling2D')
def convolutional_model(input_shape):
    inputs = tf.keras.Input(input_shape)
    x = tfl.Conv2D(8, 4, padding='same', activation='relu')(inputs)
    x = tfl.MaxPooling2D(8, padding='same')(x)
    x = tfl.Conv2D(16, 2, padding='same', activation='relu')(x)
    x = tfl.MaxPooling2D(4, padding='same')(x)
    x = tfl.Flatten()(x)
    return tf.keras.Model(inputs, tfl.Dense(6, activation='softmax')(x))


@equivalents('convolutional_model', 'a loop over (filters, kernel, pool) '
             'with Activation and Softmax layers')
def convolutional_model(input_shape):  # noqa: F811
    x = inputs = tf.keras.Input(shape=input_shape)
    for filters, kernel, pool in ((8, 4, 8), (16, 2, 4)):
        x = tf.keras.layers.Conv2D(filters, (kernel, kernel),
                                   padding='same')(x)
        x = tf.keras.layers.Activation('relu')(x)
        x = tf.keras.layers.MaxPool2D((pool, pool), (pool, pool),
                                      padding='same')(x)
    x = tf.keras.layers.Dense(6)(tf.keras.layers.Flatten()(x))
    outputs = tf.keras.layers.Softmax()(x)
    return tf.keras.Model(inputs=inputs, outputs=outputs)
