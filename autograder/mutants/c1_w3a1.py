"""Realistic learner bugs for C1_W3A1, as edits of the master's solution.

Each entry: function, likely cause, ``{old text: new text}`` edits of the
master's graded cell (each old text occurs there exactly once). The most
common bug of each function is ``public=True``: its public check catches it.
"""
from ..checking import Mutants

mutants = Mutants(__name__)
edit = mutants.edit
PARAMS = ('W1', 'b1', 'W2', 'b2')

edit('layer_sizes', 'n_x is X.shape[0] (rows); X.shape[1] is the number of '
     'examples', {'n_x = X.shape[0]': 'n_x = X.shape[1]'}, public=True)
edit('layer_sizes', 'n_y is Y.shape[0] (rows), not Y.shape[1]',
     {'n_y = Y.shape[0]': 'n_y = Y.shape[1]'})
edit('layer_sizes', 'the sizes are typed in (2, 4, 1); read them from the '
     'shapes of X and Y', {'n_x = X.shape[0]': 'n_x = 2',
                           'n_y = Y.shape[0]': 'n_y = 1'})
edit('layer_sizes', 'returned (n_x, n_y, n_h): keep the order (n_x, n_h, '
     'n_y)', {'return (n_x, n_h, n_y)': 'return (n_x, n_y, n_h)'})

edit('initialize_parameters', 'W1 has shape (n_x, n_h); it should be '
     '(n_h, n_x) so that W1 @ X works',
     {'randn(n_h, n_x)': 'randn(n_x, n_h)',
      'randn(n_y, n_h)': 'randn(n_h, n_y)'}, public=True)
edit('initialize_parameters', 'the weights are not scaled: multiply '
     'np.random.randn(...) by 0.01', {') * 0.01': ')'}, every=True)
edit('initialize_parameters', 'np.random.rand is uniform on [0, 1); use '
     'np.random.randn (normal, mean 0)', {'randn(': 'rand('}, every=True)
edit('initialize_parameters', 'zero weights: every hidden unit stays the '
     'same (symmetry); use np.random.randn(...) * 0.01',
     {'np.random.randn(n_h, n_x) * 0.01': 'np.zeros((n_h, n_x))',
      'np.random.randn(n_y, n_h) * 0.01': 'np.zeros((n_y, n_h))'})
edit('initialize_parameters', 'random biases; they start at zero',
     {'b1 = np.zeros((n_h, 1))': 'b1 = np.random.randn(n_h, 1) * 0.01',
      'b2 = np.zeros((n_y, 1))': 'b2 = np.random.randn(n_y, 1) * 0.01'})
edit('initialize_parameters', 'np.random.seed is called inside; the caller '
     'seeds', {'    W1 = ': '    np.random.seed(2)\n    W1 = '})

edit('forward_propagation', 'the hidden layer uses sigmoid; it should use '
     'A1 = np.tanh(Z1)', {'A1 = np.tanh(Z1)': 'A1 = sigmoid(Z1)'},
     public=True)
edit('forward_propagation', 'b1 is missing from Z1 = W1 @ X + b1',
     {'Z1 = W1 @ X + b1': 'Z1 = W1 @ X'})
edit('forward_propagation', 'the output layer uses tanh; it should use '
     'A2 = sigmoid(Z2)', {'A2 = sigmoid(Z2)': 'A2 = np.tanh(Z2)'})
edit('forward_propagation', 'Z2 uses Z1 instead of the hidden activations: '
     'Z2 = W2 @ A1 + b2', {'Z2 = W2 @ A1': 'Z2 = W2 @ Z1'})
edit('forward_propagation', 'the cache stores Z1 under "A1" and A1 under '
     '"Z1"', {"{'Z1': Z1, 'A1': A1,": "{'Z1': A1, 'A1': Z1,"})

edit('compute_cost', 'the minus sign in front of the sum is missing',
     {'float(-np.sum(': 'float(np.sum('}, public=True)
edit('compute_cost', 'the sum is not divided by m',
     {'np.sum(logprobs) / m': 'np.sum(logprobs)'})
edit('compute_cost', 'the (1 - Y) log(1 - A2) term is missing',
     {' + (1 - Y) * np.log(1 - A2)': ''})
edit('compute_cost', 'np.dot gives a (1, 1) array; return a float',
     {'Y * np.log(A2) + (1 - Y) * np.log(1 - A2)':
      'np.dot(Y, np.log(A2).T) + np.dot(1 - Y, np.log(1 - A2).T)',
      'return float(-np.sum(logprobs) / m)': 'return -logprobs / m'})

edit('backward_propagation', 'the derivative of tanh is 1 - A1 ** 2 '
     '(squared), not 1 - A1', {'(1 - A1 ** 2)': '(1 - A1)'}, public=True)
edit('backward_propagation', 'the gradients are not divided by m',
     {' / m  #': '  #'}, every=True)
edit('backward_propagation', 'db1 and db2 lost their column shape: use '
     'np.sum(..., axis=1, keepdims=True)',
     {'axis=1, keepdims=True)': 'axis=1)'}, every=True)
edit('backward_propagation', 'sign error: dZ2 = A2 - Y, not Y - A2',
     {'dZ2 = A2 - Y': 'dZ2 = Y - A2'})
edit('backward_propagation', 'the biases summed over the wrong axis: sum '
     'over the examples, axis=1', {'axis=1,': 'axis=0,'}, every=True)
edit('backward_propagation', 'dW2 uses Z1 instead of A1: dW2 = dZ2 @ A1.T '
     '/ m', {'dW2 = dZ2 @ A1.T': "dW2 = dZ2 @ cache['Z1'].T"})

edit('update_parameters', 'the update has the wrong sign: subtract '
     'learning_rate * gradient', {'] - learning_rate': '] + learning_rate'},
     public=True, every=True)
edit('update_parameters', 'learning_rate is ignored (a fixed 1.2)',
     {'- learning_rate *': '- 1.2 *'}, every=True)
edit('update_parameters', 'the biases are not updated',
     {f"{b} = parameters['{b}'] - learning_rate * grads['d{b}']":
      f"{b} = parameters['{b}']" for b in ('b1', 'b2')})
edit('update_parameters', "changed the caller's arrays in place (-=) "
     'instead of building a new dict',
     {**{f"{k} = parameters['{k}'] - ": f"parameters['{k}'] -= "
         for k in PARAMS},
      "return {'W1': W1, 'b1': b1, 'W2': W2, 'b2': b2}": 'return parameters'})
edit('update_parameters', 'the default learning_rate should be 1.2',
     {'learning_rate=1.2)': 'learning_rate=0.01)'})

edit('nn_model', 'the hidden size came from layer_sizes (always 4); use the '
     'n_h argument', {'n_x, _, n_y = ': 'n_x, n_h, n_y = '}, public=True)
edit('nn_model', 'np.random.seed is called inside nn_model; the caller '
     'seeds', {'    n_x, _, n_y': '    np.random.seed(3)\n    n_x, _, n_y'})
edit('nn_model', 'the updated parameters are thrown away: write '
     'parameters = update_parameters(parameters, grads)',
     {'parameters = update_parameters(': 'update_parameters('})
edit('nn_model', 'one iteration too few: loop range(num_iterations)',
     {'range(num_iterations)': 'range(1, num_iterations)'})
edit('nn_model', 'the parameters are initialised again inside the loop; '
     'initialise once, before it',
     {'    parameters = initialize_parameters(n_x, n_h, n_y)\n'
      '    for i in range(num_iterations):\n':
      '    for i in range(num_iterations):\n'
      '        parameters = initialize_parameters(n_x, n_h, n_y)\n'})

edit('predict', 'returned probabilities; turn them into labels with '
     'A2 > 0.5', {'return A2 > 0.5': 'return A2'}, public=True)
edit('predict', 'labels inverted: predict 1 where A2 > 0.5',
     {'A2 > 0.5': 'A2 < 0.5'})
edit('predict', 'thresholded Z2 at 0.5; threshold the probability '
     'A2 = sigmoid(Z2)', {'A2, _ = ': 'A2, cache = ',
                          'return A2 > 0.5': "return cache['Z2'] > 0.5"})
edit('predict', 'returned a 1-D array; keep the shape (1, m)',
     {'return A2 > 0.5': 'return (A2 > 0.5).ravel()'})
