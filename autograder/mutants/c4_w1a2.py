"""Realistic learner bugs for C4_W1A2, as edits of the master's solution.

Each entry: function, likely cause, ``{old text: new text}`` edits of the
master's graded cell. The most common bug of each function is
``public=True``: its public check catches it.
"""
from ..checking import Mutants

mutants = Mutants(__name__)
edit = mutants.edit

# ---------------------------------------------------------------- happyModel
edit('happyModel', 'the ZeroPadding2D layer is missing: pad 3 on every side '
     'first, so the 7x7 convolution keeps 64x64',
     {'        tfl.ZeroPadding2D(padding=(3, 3)),                   '
      '# (70, 70, 3)\n': ''}, public=True)
edit('happyModel', 'the convolution has 7x7 filters (kernel_size=7)',
     {'kernel_size=(7, 7)': 'kernel_size=(3, 3)'})
edit('happyModel', 'batch normalisation works on the channels: axis=3 (the '
     'last axis), not axis=1', {'BatchNormalization(axis=3)':
                                'BatchNormalization(axis=1)'})
edit('happyModel', 'MaxPooling2D((2, 2)) already moves by 2; strides=1 '
     'keeps the picture almost as large',
     {'MaxPooling2D(pool_size=(2, 2))':
      'MaxPooling2D(pool_size=(2, 2), strides=(1, 1))'})
edit('happyModel', 'one output unit needs a sigmoid; a softmax over one '
     'unit is always 1', {"activation='sigmoid'": "activation='softmax'"})
edit('happyModel', 'Flatten is missing: without it the Dense layer acts on '
     'every position and the output is not (m, 1)',
     {'        tfl.Flatten(),                                       '
      '# (32768,)\n': ''})

# ------------------------------------------------------- convolutional_model
edit('convolutional_model', "the output layer needs activation='softmax' "
     '(six classes that sum to 1), not sigmoid',
     {"activation='softmax'": "activation='sigmoid'"}, public=True)
edit('convolutional_model', 'the first max pooling moves by 8 '
     '(strides=(8, 8)), as wide as its window',
     {'P1 = tfl.MaxPool2D(pool_size=(8, 8), strides=(8, 8),':
      'P1 = tfl.MaxPool2D(pool_size=(8, 8), strides=(4, 4),'})
edit('convolutional_model', "the pooling layers use padding='same'",
     {"P2 = tfl.MaxPool2D(pool_size=(4, 4), strides=(4, 4),\n"
      "                       padding='same')":
      "P2 = tfl.MaxPool2D(pool_size=(4, 4), strides=(4, 4),\n"
      "                       padding='valid')"})
edit('convolutional_model', 'a ReLU follows each convolution',
     {'    A2 = tfl.ReLU()(Z2)\n': '    A2 = Z2\n'})
edit('convolutional_model', 'the second layer must take the pooled P1, not '
     'the activations A1', {"padding='same')(P1)": "padding='same')(A1)"})
edit('convolutional_model', 'the model must start from the '
     'tf.keras.Input(shape=input_shape) you made, with its shape',
     {'input_img = tf.keras.Input(shape=input_shape)':
      'input_img = tf.keras.Input(shape=(64, 64, 3))'})
