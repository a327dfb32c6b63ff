"""Realistic learner bugs for C1_W4A1, as edits of the master's solution.

Each entry: function, likely cause, ``{old text: new text}`` edits of the
master's graded cell (each old text occurs there exactly once). The most
common bug of each function is ``public=True``: its public check catches it.
"""
from ..checking import Mutants

mutants = Mutants(__name__)
edit = mutants.edit

edit('initialize_parameters', 'W1 is (n_x, n_h); W^[l] has shape (units of '
     'layer l, units of layer l-1)', {'randn(n_h, n_x)': 'randn(n_x, n_h)',
                                      'randn(n_y, n_h)': 'randn(n_h, n_y)'},
     public=True)
edit('initialize_parameters', 'the weights are not scaled by 0.01',
     {') * 0.01': ')'}, every=True)
edit('initialize_parameters', 'np.random.rand (uniform on [0, 1)) instead '
     'of np.random.randn (normal around 0)', {'randn(': 'rand('}, every=True)
edit('initialize_parameters', 'biases are 1-D; use np.zeros((n, 1))',
     {'np.zeros((n_h, 1))': 'np.zeros(n_h)',
      'np.zeros((n_y, 1))': 'np.zeros(n_y)'})

edit('initialize_parameters_deep', 'the loop stops one layer early: use '
     'range(1, len(layer_dims))',
     {'range(1, len(layer_dims))': 'range(1, len(layer_dims) - 1)'},
     public=True)
edit('initialize_parameters_deep', 'W^[l] is transposed: its shape is '
     '(layer_dims[l], layer_dims[l-1])',
     {'layer_dims[l], layer_dims[l - 1])':
      'layer_dims[l - 1], layer_dims[l])'})
edit('initialize_parameters_deep', 'scaled by 1/sqrt(n_prev) as in the next '
     'assignment; this exercise uses * 0.01',
     {') * 0.01': ') / np.sqrt(layer_dims[l - 1])'})
edit('initialize_parameters_deep', 'the weights are not scaled by 0.01',
     {') * 0.01': ')'})

edit('linear_forward', 'b is missing: Z = W A + b',
     {'Z = W @ A + b': 'Z = W @ A'}, public=True)
edit('linear_forward', 'the cache is in the wrong order; it is (A, W, b)',
     {'cache = (A, W, b)': 'cache = (W, A, b)'})
edit('linear_forward', "the cache holds Z instead of A; it is (A, W, b) with "
     "the layer's input A", {'cache = (A, W, b)': 'cache = (Z, W, b)'})

edit('linear_activation_forward', 'sigmoid and relu are swapped',
     {"if activation == 'sigmoid'": "if activation == 'relu'",
      "elif activation == 'relu'": "elif activation == 'sigmoid'"},
     public=True)
edit('linear_activation_forward', 'the cache is (activation_cache, '
     'linear_cache); it should be (linear_cache, activation_cache)',
     {'cache = (linear_cache, activation_cache)':
      'cache = (activation_cache, linear_cache)'})
edit('linear_activation_forward', 'returned Z: the activation was not '
     'applied', {'return A, cache': 'return Z, cache'})

edit('L_model_forward', 'the last layer must use sigmoid, not relu',
     {"'sigmoid')": "'relu')"}, public=True)
edit('L_model_forward', 'the hidden layers must use relu, not sigmoid',
     {"'relu')": "'sigmoid')"})
edit('L_model_forward', 'the cache of the last layer was not appended',
     {'    caches.append(cache)\n    return': '    return'})
edit('L_model_forward', 'L = len(parameters), not len(parameters) // 2 (the '
     'dict holds a W and a b per layer)',
     {'L = len(parameters) // 2': 'L = len(parameters)'})

edit('compute_cost', 'forgot to divide by m',
     {'np.log(1 - AL)) / m': 'np.log(1 - AL))'}, public=True)
edit('compute_cost', 'the cost has the wrong sign (missing minus)',
     {'cost = -np.sum': 'cost = np.sum'})
edit('compute_cost', 'the (1 - Y) log(1 - AL) term is missing',
     {' + (1 - Y) * np.log(1 - AL)': ''})
edit('compute_cost', 'the cost is a (1, 1) array; np.squeeze it',
     {'np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))':
      '(np.dot(Y, np.log(AL).T) + np.dot(1 - Y, np.log(1 - AL).T))',
      'return np.squeeze(cost)': 'return cost'})

edit('linear_backward', 'db lost its column shape: use np.sum(dZ, axis=1, '
     'keepdims=True)', {'axis=1, keepdims=True)': 'axis=1)'}, public=True)
edit('linear_backward', 'forgot the 1/m in dW',
     {'dW = dZ @ A_prev.T / m': 'dW = dZ @ A_prev.T'})
edit('linear_backward', 'dA_prev has no 1/m: it is W.T @ dZ',
     {'dA_prev = W.T @ dZ': 'dA_prev = W.T @ dZ / m'})
edit('linear_backward', 'db summed over the wrong axis (units instead of '
     'examples)', {'axis=1': 'axis=0'})

edit('linear_activation_backward', 'relu_backward and sigmoid_backward are '
     'swapped', {"if activation == 'relu'": "if activation == 'sigmoid'",
                 "elif activation == 'sigmoid'": "elif activation == 'relu'"},
     public=True)
edit('linear_activation_backward', "the activation's derivative is missing: "
     'compute dZ with the backward helper first',
     {'linear_backward(dZ,': 'linear_backward(dA,'})
edit('linear_activation_backward', 'used relu (the forward function) on dA '
     'instead of relu_backward(dA, activation_cache)',
     {'dZ = relu_backward(dA, activation_cache)': 'dZ, _ = relu(dA)'})

edit('L_model_backward', 'dAL has the wrong sign: dAL = -(Y / AL - (1 - Y) / '
     '(1 - AL))', {'dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))':
                   'dAL = np.divide(Y, AL) - np.divide(1 - Y, 1 - AL)'},
     public=True)
edit('L_model_backward', "the last layer is sigmoid: pass 'sigmoid' for "
     'caches[L - 1]', {"'sigmoid')": "'relu')"})
edit('L_model_backward', 'the (1 - Y) / (1 - AL) term of dAL is missing',
     {' - np.divide(1 - Y, 1 - AL)': ''})
edit('L_model_backward', "stored dA under the layer's own index: the key is "
     'dA{l-1} for layer l', {"grads[f'dA{L - 1}']": "grads[f'dA{L}']",
                             "grads[f'dA{l}']": "grads[f'dA{l + 1}']",
                             "grads[f'dA{l - 1}']": "grads[f'dA{l}']"})

edit('update_parameters', 'the update has the wrong sign: subtract '
     'learning_rate * gradient', {'- learning_rate': '+ learning_rate'},
     public=True, every=True)
edit('update_parameters', 'the last layer is not updated: loop over '
     'range(1, L + 1)', {'range(1, L + 1)': 'range(1, L)'})
edit('update_parameters', "changed the caller's arrays in place "
     '(params.copy() is shallow, and -= writes into the arrays)',
     {'{key: value.copy() for key, value in params.items()}': 'params.copy()',
      "= (parameters[f'W{l}']\n                               - ": '-= (',
      "= (parameters[f'b{l}']\n                               - ": '-= ('})
edit('update_parameters', 'the biases are not updated',
     {"        parameters[f'b{l}'] = (parameters[f'b{l}']\n"
      "                               - learning_rate * grads[f'db{l}'])\n":
      ''})
