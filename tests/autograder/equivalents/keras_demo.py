"""Correct solutions of the Keras demo written differently: each must
score full marks."""
import keras
import tensorflow as tf
from keras import layers

from autograder.checking import Mutants

equivalents = Mutants()


@equivalents('tiny_convnet', 'Functional API, Activation("relu"), '
             'tf.keras aliases, axis=-1')
def tiny_convnet(input_shape):
    inputs = tf.keras.Input(input_shape)
    x = tf.keras.layers.ZeroPadding2D((1, 1))(inputs)
    x = layers.Conv2D(filters=8, kernel_size=(3, 3))(x)
    x = layers.BatchNormalization(axis=-1)(x)
    x = layers.Activation('relu')(x)
    x = layers.MaxPool2D((2, 2))(x)
    x = layers.Flatten()(x)
    outputs = layers.Dense(1, activation='sigmoid')(x)
    return keras.Model(inputs=inputs, outputs=outputs)


@equivalents('tiny_convnet', 'Sequential built with add(), separate '
             'sigmoid activation')
def tiny_convnet(input_shape):  # noqa: F811
    model = keras.Sequential()
    model.add(keras.Input(shape=input_shape))
    model.add(layers.ZeroPadding2D(1))
    model.add(layers.Conv2D(8, 3))
    model.add(layers.BatchNormalization())
    model.add(layers.ReLU())
    model.add(layers.MaxPooling2D())
    model.add(layers.Flatten())
    model.add(layers.Dense(1))
    model.add(layers.Activation('sigmoid'))
    return model


@equivalents('ResidualDense', 'other attribute names and order, '
             'keras.ops.add')
class ResidualDense(layers.Layer):
    def __init__(self, dim, hidden, dropout_rate=0.1, **kwargs):
        super().__init__(**kwargs)
        self.layer_norm = layers.LayerNormalization(epsilon=1e-6)
        self.drop = layers.Dropout(rate=dropout_rate)
        self.expand = layers.Dense(units=hidden, activation='relu')
        self.project = layers.Dense(units=dim)

    def call(self, x, training=False):
        hidden = self.drop(self.expand(x), training=training)
        return self.layer_norm(keras.ops.add(x, self.project(hidden)))


@equivalents('ResidualDense', 'a Sequential feed-forward block')
class ResidualDense(layers.Layer):  # noqa: F811
    def __init__(self, dim, hidden, dropout_rate=0.1, **kwargs):
        super().__init__(**kwargs)
        self.ffn = keras.Sequential([
            layers.Dense(hidden, activation='relu'),
            layers.Dropout(dropout_rate),
            layers.Dense(dim)])
        self.norm = layers.LayerNormalization(epsilon=1e-6)

    def call(self, x, training=False):
        return self.norm(x + self.ffn(x, training=training))
