"""Realistic bugs for the Keras-grading demo, as edits of the master."""
from ..checking import Mutants

mutants = Mutants(__name__)
edit = mutants.edit

edit('tiny_convnet', 'MaxPooling2D(pool_size=2) already strides by 2; do '
     'not pass strides=1', {'layers.MaxPooling2D(pool_size=2)':
                            'layers.MaxPooling2D(pool_size=2, strides=1)'},
     public=True)
edit('tiny_convnet', 'the BatchNormalization layer is missing',
     {'        layers.BatchNormalization(axis=3),\n': ''})
edit('tiny_convnet', 'the convolution has stride 1 (strides=1), not 2',
     {'kernel_size=3, strides=1': 'kernel_size=3, strides=2'})
edit('tiny_convnet', 'one output unit needs a sigmoid; a softmax over one '
     'unit is always 1', {"activation='sigmoid'": "activation='softmax'"})
edit('tiny_convnet', 'batch norm normalises the channels: axis=3 (the last '
     'axis), not axis=1', {'BatchNormalization(axis=3)':
                           'BatchNormalization(axis=1)'})

edit('ResidualDense', 'the residual connection is missing: add x before '
     'the layer norm', {'return self.norm(x + h)': 'return self.norm(h)'},
     public=True)
edit('ResidualDense', 'dropout must follow the training argument '
     '(training=training), not be always on',
     {'self.dropout(h, training=training)': 'self.dropout(h, training=True)'})
edit('ResidualDense', 'dropout belongs on the inner activations, before the '
     'output Dense, not on the output',
     {'        h = self.dropout(h, training=training)\n': '',
      'return self.norm(x + h)':
      'return self.dropout(self.norm(x + h), training=training)'})
edit('ResidualDense', "the inner Dense needs activation='relu'",
     {"layers.Dense(hidden, activation='relu')": 'layers.Dense(hidden)'})
