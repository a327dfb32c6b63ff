"""Realistic bugs for C4_W2A2 (Transfer Learning with MobileNetV2), as
edits of the master."""
from ..checking import Mutants

mutants = Mutants(__name__)
edit = mutants.edit

# ----------------------------------------------------------- data_augmenter
edit('data_augmenter', "RandomFlip('vertical') turns pictures upside down; "
     "mirror them left-right with RandomFlip('horizontal')",
     {"RandomFlip('horizontal')": "RandomFlip('vertical')"}, public=True)
edit('data_augmenter', 'the rotation factor is a fraction of a full turn: '
     'RandomRotation(0.2), not 20 (degrees) or 2',
     {'RandomRotation(0.2)': 'RandomRotation(2)'})
edit('data_augmenter', 'the rotation factor is 0.2, not 0.1',
     {'RandomRotation(0.2)': 'RandomRotation(0.1)'})
edit('data_augmenter', "RandomFlip('horizontal_and_vertical') also flips "
     'upside down; use horizontal only',
     {"RandomFlip('horizontal')": "RandomFlip('horizontal_and_vertical')"})
edit('data_augmenter', 'the RandomRotation layer is missing',
     {'    data_augmentation.add(RandomRotation(0.2))\n': ''})

# ------------------------------------------------------------- alpaca_model
edit('alpaca_model', 'the base must be frozen: base_model.trainable = False',
     {'base_model.trainable = False': 'base_model.trainable = True'},
     public=True)
edit('alpaca_model', 'preprocess_input is missing: the base expects pixels '
     'scaled to [-1, 1]', {'    x = preprocess_input(x)  # from [0, 255] to '
                           '[-1, 1]\n': ''})
edit('alpaca_model', 'one output unit with a sigmoid, while the loss '
     'expects logits (from_logits=True): leave the Dense linear',
     {'tfl.Dense(1)(x)': "tfl.Dense(1, activation='sigmoid')(x)"})
edit('alpaca_model', 'the dropout rate is 0.2',
     {'tfl.Dropout(0.2)': 'tfl.Dropout(0.5)'})
edit('alpaca_model', 'the augmentation passed in is not applied: call '
     'data_augmentation(inputs)',
     {'x = data_augmentation(inputs)': 'x = inputs'})
edit('alpaca_model', 'GlobalAveragePooling2D, not Flatten, turns the '
     'feature grid into one vector per picture',
     {'tfl.GlobalAveragePooling2D()(x)': 'tfl.Flatten()(x)'})
edit('alpaca_model', 'two output units with a softmax: the labels are 0/1 '
     'and the loss takes one logit',
     {'tfl.Dense(1)(x)': "tfl.Dense(2, activation='softmax')(x)"})
edit('alpaca_model', 'preprocess_input must come after the augmentation, '
     'right before the base',
     {'    x = data_augmentation(inputs)\n    x = preprocess_input(x)':
      '    x = preprocess_input(inputs)\n    x = data_augmentation(x)'})

# ------------------------------------------------------ prepare_fine_tuning
edit('prepare_fine_tuning', 'the learning rate must be 10 times smaller '
     'than base_learning_rate: 0.1 * base_learning_rate',
     {'learning_rate=0.1 * base_learning_rate':
      'learning_rate=base_learning_rate'}, public=True)
edit('prepare_fine_tuning', 'every layer of the base is unfrozen: freeze '
     'base_model.layers[:fine_tune_at] again',
     {'    for layer in base_model.layers[:fine_tune_at]:\n'
      '        layer.trainable = False\n': ''})
edit('prepare_fine_tuning', 'the layers from fine_tune_at on are frozen '
     'instead of those before it',
     {'base_model.layers[:fine_tune_at]': 'base_model.layers[fine_tune_at:]'})
edit('prepare_fine_tuning', 'the base was never unfrozen: set '
     'base_model.trainable = True first',
     {'    base_model.trainable = True\n': ''})
edit('prepare_fine_tuning', 'the model outputs logits: '
     'BinaryCrossentropy(from_logits=True)',
     {'BinaryCrossentropy(from_logits=True)': 'BinaryCrossentropy()'})
edit('prepare_fine_tuning', 'one layer too many frozen: layers[:fine_tune_at]'
     ' stops before index fine_tune_at',
     {'base_model.layers[:fine_tune_at]':
      'base_model.layers[:fine_tune_at + 1]'})
edit('prepare_fine_tuning', 'Adam is the optimizer, not SGD',
     {'tf.keras.optimizers.Adam(': 'tf.keras.optimizers.SGD('})
edit('prepare_fine_tuning', "metrics=['accuracy']",
     {"metrics = ['accuracy']": 'metrics = []'})
