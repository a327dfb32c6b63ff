"""Write the Keras-grading demo master notebook (run once; committed).

The demo proves the grader's Keras path on two small exercises: a model
builder (Sequential) and a layer subclass. It is not part of the course.
Run: .venv/bin/python autograder/demo/make_notebook.py
"""
import os

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook


def meta(grade_id, solution=False, points=None, locked=None):
    m = {'grade': points is not None, 'grade_id': grade_id,
         'locked': (not solution) if locked is None else locked,
         'schema_version': 3, 'solution': solution}
    if points is not None:
        m['points'] = points
    return {'nbgrader': m}


IMPORTS = '''import numpy as np
import keras
import tensorflow as tf
from keras import layers

from shared_utils.checks import keras_demo as checks'''

TINY = '''# GRADED FUNCTION: tiny_convnet

def tiny_convnet(input_shape):
    """A small binary image classifier, as a Sequential model.

    Args:
        input_shape: (height, width, channels) of one image.

    Returns:
        model: keras.Sequential mapping (batch, height, width, channels)
            to (batch, 1) probabilities: zero-pad 1, Conv2D 8 filters 3x3,
            batch norm over channels, ReLU, 2x2 max pooling, flatten,
            one sigmoid unit.
    """
    ### BEGIN SOLUTION
    model = keras.Sequential([
        keras.Input(shape=input_shape),
        layers.ZeroPadding2D(padding=1),
        layers.Conv2D(8, kernel_size=3, strides=1),
        layers.BatchNormalization(axis=3),
        layers.ReLU(),
        layers.MaxPooling2D(pool_size=2),
        layers.Flatten(),
        layers.Dense(1, activation='sigmoid'),
    ])
    return model
    ### END SOLUTION'''

RESIDUAL = '''# GRADED FUNCTION: ResidualDense

class ResidualDense(layers.Layer):
    """x -> LayerNorm(x + Dense_out(Dropout(Dense_in(x)))).

    Args:
        dim: size of the last axis of the input (and of the output).
        hidden: units of the inner ReLU layer.
        dropout_rate: dropout applied to the inner activations.

    Call args:
        x: tensor of shape (batch, ..., dim).
        training: bool, dropout is active only when True.

    Returns:
        tensor of the same shape as x.
    """

    def __init__(self, dim, hidden, dropout_rate=0.1, **kwargs):
        super().__init__(**kwargs)
        ### BEGIN SOLUTION
        self.inner = layers.Dense(hidden, activation='relu')
        self.outer = layers.Dense(dim)
        self.dropout = layers.Dropout(dropout_rate)
        self.norm = layers.LayerNormalization(epsilon=1e-6)
        ### END SOLUTION

    def call(self, x, training=False):
        ### BEGIN SOLUTION
        h = self.inner(x)  # (batch, ..., hidden)
        h = self.dropout(h, training=training)
        h = self.outer(h)  # (batch, ..., dim)
        return self.norm(x + h)
        ### END SOLUTION'''

cells = [
    new_markdown_cell('# Keras grading demo (not part of the course)\n\n'
                      'Two small exercises that exercise the grader\'s '
                      'Keras path: a Sequential model builder and a layer '
                      'subclass.'),
    new_code_cell(IMPORTS, metadata=meta('imports')),
    new_markdown_cell('## Exercise 1: `tiny_convnet`'),
    new_code_cell(TINY, metadata=meta('tiny_convnet', solution=True)),
    new_code_cell('checks.tiny_convnet(tiny_convnet)',
                  metadata=meta('test_tiny_convnet', points=10)),
    new_markdown_cell('## Exercise 2: `ResidualDense`'),
    new_code_cell(RESIDUAL, metadata=meta('ResidualDense', solution=True)),
    new_code_cell('checks.ResidualDense(ResidualDense)',
                  metadata=meta('test_ResidualDense', points=10)),
]
nb = new_notebook(cells=cells, metadata={
    'kernelspec': {'name': 'python3', 'display_name': 'Python 3',
                   'language': 'python'}})
path = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                    'Keras_Grading_Demo.ipynb')
nbformat.write(nb, path)
print('wrote', path)
