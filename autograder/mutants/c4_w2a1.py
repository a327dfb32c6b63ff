"""Realistic bugs of C4_W2A1 (Residual Networks), as edits of the master."""
from ..checking import Mutants

mutants = Mutants(__name__)
edit = mutants.edit

# ----------------------------------------------------------- identity_block
edit('identity_block', 'the shortcut is never added: the block needs '
     'Add()([X, X_shortcut]) before the last ReLU (no skip connection)',
     {'    X = Add()([X, X_shortcut])\n': ''}, public=True)
edit('identity_block', 'the ReLU after the addition is missing: apply '
     "Activation('relu') to the sum",
     {"    X = Add()([X, X_shortcut])\n    X = Activation('relu')(X)\n":
      '    X = Add()([X, X_shortcut])\n'})
edit('identity_block', 'the shortcut is added before the last '
     'BatchNormalization; add it after (to the normalised main path)',
     {'    X = BatchNormalization(axis=3)(X, training=training)\n\n'
      '    # add the shortcut, then the ReLU\n'
      '    X = Add()([X, X_shortcut])\n':
      '    # add the shortcut, then the ReLU\n'
      '    X = Add()([X, X_shortcut])\n'
      '    X = BatchNormalization(axis=3)(X, training=training)\n'})
edit('identity_block', 'batch norm normalises the channels: axis=3, not '
     'axis=1', {'axis=3': 'axis=1'}, every=True)
edit('identity_block', 'BatchNormalization is called without '
     'training=training, so training=True is ignored',
     {'(X, training=training)': '(X)'}, every=True)
edit('identity_block', 'the middle convolution needs padding=\'same\' to '
     'keep the height and width',
     {"strides=(1, 1), padding='same'": "strides=(1, 1), padding='valid'"})
edit('identity_block', 'the third convolution is followed by a ReLU before '
     'the addition; only the sum goes through the ReLU',
     {'    X = BatchNormalization(axis=3)(X, training=training)\n\n'
      '    # add the shortcut':
      '    X = BatchNormalization(axis=3)(X, training=training)\n'
      "    X = Activation('relu')(X)\n\n    # add the shortcut"})

# ------------------------------------------------------ convolutional_block
edit('convolutional_block', 'the shortcut is never added: the block needs '
     'Add()([X, X_shortcut]) before the last ReLU (no skip connection)',
     {'    X = Add()([X, X_shortcut])\n': ''}, public=True)
edit('convolutional_block', 'the stride s belongs on the first 1x1 '
     'convolution of the main path, not on the fxf one',
     {"F1, kernel_size=1, strides=(s, s)": "F1, kernel_size=1, "
      "strides=(1, 1)",
      "F2, kernel_size=f, strides=(1, 1)": "F2, kernel_size=f, "
      "strides=(s, s)"})
edit('convolutional_block', 'the shortcut needs its own 1x1 convolution '
     '(F3 filters, stride s) and BatchNormalization',
     {'    X_shortcut = Conv2D(filters=F3, kernel_size=1, strides=(s, s),\n'
      "                        padding='valid',\n"
      '                        kernel_initializer=initializer(seed=0))'
      '(X_shortcut)\n'
      '    X_shortcut = BatchNormalization(axis=3)(X_shortcut, '
      'training=training)\n': ''})
edit('convolutional_block', 'the shortcut\'s convolution must be followed '
     'by BatchNormalization', {
         '    X_shortcut = BatchNormalization(axis=3)(X_shortcut, '
         'training=training)\n': ''})
edit('convolutional_block', 'the ReLU after the addition is missing: apply '
     "Activation('relu') to the sum",
     {"    X = Add()([X, X_shortcut])\n    X = Activation('relu')(X)\n":
      '    X = Add()([X, X_shortcut])\n'})
edit('convolutional_block', 'the shortcut goes through a ReLU; only the '
     'sum does', {
         '    X_shortcut = BatchNormalization(axis=3)(X_shortcut, '
         'training=training)\n':
         '    X_shortcut = BatchNormalization(axis=3)(X_shortcut, '
         'training=training)\n'
         "    X_shortcut = Activation('relu')(X_shortcut)\n"})
edit('convolutional_block', 'BatchNormalization is called without '
     'training=training, so training=True is ignored',
     {', training=training)': ')'}, every=True)

# ------------------------------------------------------------------ ResNet50
edit('ResNet50', 'the network ends with AveragePooling2D((2, 2)), not '
     'MaxPooling2D', {'X = AveragePooling2D((2, 2))(X)':
                      'X = MaxPooling2D((2, 2))(X)'}, public=True)
edit('ResNet50', 'the max pooling of the stem has a 3x3 window '
     '(MaxPooling2D((3, 3), strides=(2, 2)))',
     {'MaxPooling2D((3, 3), strides=(2, 2))':
      'MaxPooling2D((2, 2), strides=(2, 2))'})
edit('ResNet50', 'stage 4 has five identity blocks after its '
     'convolutional block', {
         "    X = identity_block(X, 3, [256, 256, 1024])\n" * 5:
         "    X = identity_block(X, 3, [256, 256, 1024])\n" * 4})
edit('ResNet50', 'stage 2\'s convolutional block keeps the size: s=1 '
     '(the default stride is 2)',
     {'filters=[64, 64, 256], s=1)': 'filters=[64, 64, 256])'})
edit('ResNet50', 'batch norm in the stem normalises the channels: axis=3',
     {'X = BatchNormalization(axis=3)(X)': 'X = BatchNormalization(axis=1)(X)'})
