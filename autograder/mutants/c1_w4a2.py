"""Realistic learner bugs for C1_W4A2, as edits of the master's solution.

Each entry: function, likely cause, ``{old text: new text}`` edits of the
master's graded cell (each old text occurs there exactly once). The most
common bug of each function is ``public=True``: its public check catches it.
"""
from ..checking import Mutants

mutants = Mutants(__name__)
edit = mutants.edit
NO_SEED = 'no np.random.seed(1) before initialising'
FIXED_RATE = 'learning_rate is not passed on: the default 0.0075 was used'

edit('two_layer_model', 'dA2 has the wrong sign, so the cost goes up: '
     'dA2 = -(Y / A2 - (1 - Y) / (1 - A2))',
     {'dA2 = -(np.divide(Y, A2) - np.divide(1 - Y, 1 - A2))':
      'dA2 = np.divide(Y, A2) - np.divide(1 - Y, 1 - A2)'}, public=True)
edit('two_layer_model', FIXED_RATE,
     {'grads, learning_rate)': 'grads, 0.0075)'})
edit('two_layer_model', 'the hidden layer used sigmoid; it is relu',
     {"(X, W1, b1, 'relu')": "(X, W1, b1, 'sigmoid')",
      "(dA1, cache1, 'relu')": "(dA1, cache1, 'sigmoid')"})
edit('two_layer_model', NO_SEED, {'    np.random.seed(1)\n': ''})
edit('two_layer_model', 'recorded the cost at every iteration; keep one '
     'every 100', {'        if i % 100 == 0:\n            costs.append(cost)':
                   '        costs.append(cost)'})

edit('L_layer_model', 'the parameters update_parameters returns are not '
     'kept, so nothing is learned',
     {'parameters = update_parameters(': 'update_parameters('}, public=True)
edit('L_layer_model', FIXED_RATE,
     {'grads, learning_rate)': 'grads, 0.0075)'})
edit('L_layer_model', NO_SEED, {'    np.random.seed(1)\n': ''})
edit('L_layer_model', 'recorded the cost of the iteration after the update '
     '(i % 100 == 1)', {'if i % 100 == 0:': 'if i % 100 == 1:'})
edit('L_layer_model', 'initialised with initialize_parameters_deep but '
     'seeded after it: seed first',
     {'    np.random.seed(1)\n    parameters = initialize_parameters_deep('
      'layers_dims)\n': '    parameters = initialize_parameters_deep('
      'layers_dims)\n    np.random.seed(1)\n'})
