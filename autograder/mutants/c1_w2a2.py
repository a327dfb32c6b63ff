"""Realistic learner bugs for C1_W2A2, as edits of the master's solution.

Each entry: function, likely cause, ``{old text: new text}`` edits of the
master's graded cell (each old text occurs there exactly once). The most
common bug of each function is ``public=True``: its public check catches it.
"""
from ..checking import Mutants

mutants = Mutants(__name__)
edit = mutants.edit

edit('sigmoid', 'sign error: use np.exp(-z), not np.exp(z)',
     {'np.exp(-z)': 'np.exp(z)'}, public=True)
edit('sigmoid', 'operator precedence: write 1 / (1 + np.exp(-z))',
     {'1 / (1 + np.exp(-z))': '1 / 1 + np.exp(-z)'})
edit('sigmoid', 'math.exp only takes single numbers; use np.exp',
     {'np.exp': 'math.exp'})

edit('initialize_with_zeros', 'w is a 1-D array; use np.zeros((dim, 1))',
     {'w = np.zeros((dim, 1))': 'w = np.zeros(dim)'}, public=True)
edit('initialize_with_zeros', 'w is a row (1, dim); use a column (dim, 1)',
     {'w = np.zeros((dim, 1))': 'w = np.zeros((1, dim))'})
edit('initialize_with_zeros', 'b is the integer 0; write b = 0.0',
     {'b = 0.0': 'b = 0'})
edit('initialize_with_zeros', 'w starts random; it must start at zero',
     {'w = np.zeros((dim, 1))': 'w = np.random.randn(dim, 1) * 0.01'})
edit('initialize_with_zeros', 'w holds integers; np.zeros((dim, 1)) gives '
     'floats', {'w = np.zeros((dim, 1))': 'w = np.zeros((dim, 1), dtype=int)'})

edit('propagate', 'dw is m times too large — did you forget to divide by m?',
     {'dw = X @ dZ.T / m': 'dw = X @ dZ.T'}, public=True)
edit('propagate', 'db is m times too large — divide the sum by m (or take '
     'the mean)', {'db = np.sum(dZ) / m': 'db = np.sum(dZ)'})
edit('propagate', 'the cost has the wrong sign; cross-entropy is '
     '-(1/m) Σ [y log a + (1-y) log(1-a)]',
     {'cost = -np.mean': 'cost = np.mean'})
edit('propagate', 'the cost misses the (1 - y) log(1 - a) term',
     {' + (1 - Y) * np.log(1 - A)': ''})
edit('propagate', 'forgot to add b in A = sigmoid(w^T X + b)',
     {'sigmoid(w.T @ X + b)': 'sigmoid(w.T @ X)'})
edit('propagate', 'used (Y - A) instead of (A - Y): the gradients have the '
     'wrong sign', {'dZ = A - Y': 'dZ = Y - A'})

edit('optimize', 'the update has the wrong sign: gradient descent subtracts '
     'learning_rate * gradient', {"- learning_rate * grads['d":
                                  "+ learning_rate * grads['d"},
     public=True, every=True)
edit('optimize', 'b is never updated',
     {"        b = b - learning_rate * grads['db']\n": ''})
edit('optimize', 'recorded the cost at every iteration; keep one every 100 '
     'iterations', {'        if i % 100 == 0:\n            costs.append(cost)':
                    '        costs.append(cost)\n        if i % 100 == 0:'})
edit('optimize', "changed the caller's w in place (w -= ...) without copying "
     'it first', {'    w = copy.deepcopy(w)\n': '',
                  'w = w - learning_rate': 'w -= learning_rate'})
edit('optimize', 'ignored the learning_rate argument (a fixed step)',
     {'- learning_rate * grads': '- 0.009 * grads'}, every=True)

edit('predict', 'returned probabilities; convert them to 0/1 labels with '
     'A > 0.5', {'return (A > 0.5).astype(float)': 'return A'}, public=True)
edit('predict', 'thresholded at 0 instead of 0.5', {'A > 0.5': 'A > 0'})
edit('predict', 'forgot to add b', {'w.T @ X + b': 'w.T @ X'})
edit('predict', 'returned a 1-D array; keep the shape (1, m)',
     {'.astype(float)': '.astype(float).ravel()'})
edit('predict', 'labels inverted: predict 1 when A > 0.5',
     {'A > 0.5': 'A < 0.5'})

edit('model', 'trained on the test set; optimise on X_train, Y_train',
     {'optimize(w, b, X_train, Y_train,': 'optimize(w, b, X_test, Y_test,'},
     public=True)
edit('model', 'did not pass num_iterations and learning_rate on to optimize, '
     'so its defaults were used',
     {'Y_train, num_iterations,\n                                    '
      'learning_rate, print_cost)': 'Y_train, print_cost=print_cost)'})
edit('model', 'swapped the train and test predictions',
     {"'Y_prediction_test': Y_prediction_test":
      "'Y_prediction_test': Y_prediction_train",
      "'Y_prediction_train': Y_prediction_train":
      "'Y_prediction_train': Y_prediction_test"})
edit('model', 'sized w from the number of examples; use X_train.shape[0] '
     '(features)', {'initialize_with_zeros(X_train.shape[0])':
                    'initialize_with_zeros(X_train.shape[1])'})
