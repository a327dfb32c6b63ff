"""C2_W1A2 (L2 regularization, dropout): learner bugs as edits of the
master's solution; ``public=True`` marks the one the notebook's check
catches."""
from ..checking import Mutants

mutants = Mutants(__name__)
edit = mutants.edit

edit('compute_cost_with_regularization', 'used lambd / m; the L2 term '
     'is lambd / (2m) times the sum of squared weights',
     {'lambd / (2 * m)': 'lambd / m'}, public=True)
edit('compute_cost_with_regularization', 'forgot to divide the L2 term '
     'by m', {'lambd / (2 * m)': 'lambd / 2'})
edit('compute_cost_with_regularization', 'summed the weights, not their '
     'squares', {'np.square(W1)': 'W1', 'np.square(W2)': 'W2',
                 'np.square(W3)': 'W3'})
edit('compute_cost_with_regularization', 'left out W3: every weight '
     'matrix is penalised',
     {'\n               + np.sum(np.square(W3))': ''})
edit('compute_cost_with_regularization', 'penalised the biases too; '
     'only W1, W2, W3 are',
     {'+ np.sum(np.square(W3)))': '+ np.sum(np.square(W3)) + sum('
      "np.sum(np.square(parameters[f'b{l}'])) for l in (1, 2, 3)))"})

edit('backward_propagation_with_regularization', 'the L2 term is '
     '(lambd / m) * W; you left out the 1/m',
     {'lambd / m * W': 'lambd * W'}, every=True, public=True)
edit('backward_propagation_with_regularization', 'the derivative of '
     'lambd / (2m) * W^2 is (lambd / m) * W: the 2 cancels',
     {'lambd / m * W': 'lambd / (2 * m) * W'}, every=True)
edit('backward_propagation_with_regularization', 'dW1 misses the L2 '
     'term; add (lambd / m) * W to every dW',
     {"gradients['dW1'] + lambd / m * W1": "gradients['dW1']"})
edit('backward_propagation_with_regularization', 'regularised the '
     'biases too; only dW gets (lambd / m) * W',
     {'    return gradients': '    for l, b in ((1, b1), (2, b2), (3, b3)):\n'
      "        gradients[f'db{l}'] = gradients[f'db{l}'] + lambd / m * b\n"
      '    return gradients'})
edit('backward_propagation_with_regularization', 'sign error: add '
     '(lambd / m) * W, do not subtract it',
     {'+ lambd / m * W': '- lambd / m * W'}, every=True)

edit('forward_propagation_with_dropout', 'the kept units are not '
     'scaled: divide by keep_prob (inverted dropout)',
     {'A1 * D1 / keep_prob': 'A1 * D1', 'A2 * D2 / keep_prob': 'A2 * D2'},
     public=True)
edit('forward_propagation_with_dropout', 'keep a unit where rand < '
     'keep_prob, not where it is larger',
     {'< keep_prob': '> keep_prob'}, every=True)
edit('forward_propagation_with_dropout', 'dropout is applied to A1 '
     'only; apply it to A2 as well', {'    A2 = A2 * D2 / keep_prob\n': ''})
edit('forward_propagation_with_dropout', 'np.random.randn draws normal '
     'numbers; the masks need uniform ones, np.random.rand',
     {'np.random.rand(': 'np.random.randn('}, every=True)
edit('forward_propagation_with_dropout', 'the cache stores the '
     'activations before dropout; keep the dropped-out A1, A2',
     {'A1 = A1 * D1': 'A1d = A1 * D1', 'W2 @ A1 + b2': 'W2 @ A1d + b2',
      'A2 = A2 * D2': 'A2d = A2 * D2', 'W3 @ A2 + b3': 'W3 @ A2d + b3'})

edit('backward_propagation_with_dropout', 'divide dA1 and dA2 by '
     'keep_prob after applying the masks',
     {'* D2 / keep_prob': '* D2', '* D1 / keep_prob': '* D1'}, public=True)
edit('backward_propagation_with_dropout', 'dA1 is not masked: multiply '
     'it by D1, the units dropped in the forward pass',
     {'* D1 / keep_prob': '/ keep_prob'})
edit('backward_propagation_with_dropout', 'multiplied by keep_prob; '
     'divide by it, as in the forward pass',
     {'/ keep_prob': '* keep_prob'}, every=True)
edit('backward_propagation_with_dropout', 'dA2 is not masked and '
     'scaled: apply D2 / keep_prob to dA2 too',
     {'W3.T @ dZ3 * D2 / keep_prob': 'W3.T @ dZ3'})
