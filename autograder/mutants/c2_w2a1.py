"""C2_W2A1 (mini-batches, momentum, Adam, learning-rate decay): learner
bugs as edits of the master's solution; ``public=True`` marks the one the
notebook's check catches."""
from ..checking import Mutants

mutants = Mutants(__name__)
edit = mutants.edit

# ------------------------------------------------------------ gradient descent
edit('update_parameters_with_gd', 'the update has the wrong sign: W = W '
     '- learning_rate * dW', {"'W{l}'] - \\": "'W{l}'] + \\",
                              "'b{l}'] - \\": "'b{l}'] + \\"}, public=True)
edit('update_parameters_with_gd', 'the last layer is skipped: loop '
     'over range(1, L + 1)', {'range(1, L + 1)': 'range(1, L)'})
edit('update_parameters_with_gd', 'the biases b are never updated',
     {"        parameters[f'b{l}'] = parameters[f'b{l}'] - \\\n"
      "            learning_rate * grads[f'db{l}']\n": ''})
edit('update_parameters_with_gd', 'L counts layers: it is '
     'len(parameters) // 2, not len(parameters)',
     {'L = len(parameters) // 2': 'L = len(parameters)'})

# ---------------------------------------------------------------- mini-batches
edit('random_mini_batches', 'the last, smaller batch is missing',
     {'        mini_batches.append((shuffled_X[:, start:], '
      'shuffled_Y[:, start:]))\n': ''}, public=True)
edit('random_mini_batches', 'X and Y were shuffled with different '
     'permutations, so labels no longer match their examples',
     {'Y[:, permutation]': 'Y[:, np.random.permutation(m)]'})
edit('random_mini_batches', 'the examples are never shuffled',
     {'shuffled_X = X[:, permutation]': 'shuffled_X = X',
      'shuffled_Y = Y[:, permutation]': 'shuffled_Y = Y'})
edit('random_mini_batches', 'math.ceil counts the partial batch among '
     'the full ones, so the batch appended after them is empty',
     {'math.floor(m / mini_batch_size)': 'math.ceil(m / mini_batch_size)'})
edit('random_mini_batches', 'the seed argument is ignored',
     {'np.random.seed(seed)': 'np.random.seed(0)'})
edit('random_mini_batches', 'the last batch restarts at column '
     'mini_batch_size instead of after the last full batch',
     {'start = num_complete * mini_batch_size':
      'start, end = mini_batch_size, mini_batch_size + m % mini_batch_size',
      '[:, start:], shuffled_Y[:, start:]': '[:, start:end], '
      'shuffled_Y[:, start:end]'})

# -------------------------------------------------------------------- momentum
edit('initialize_velocity', "the keys need a d: 'dW1', 'db1', ...",
     {"v[f'dW{l}']": "v[f'W{l}']", "v[f'db{l}']": "v[f'b{l}']"}, public=True)
edit('initialize_velocity', 'the b entries are missing',
     {"        v[f'db{l}'] = np.zeros_like(parameters[f'b{l}'])\n": ''})
edit('initialize_velocity', 'the last layer is missing: loop over '
     'range(1, L + 1)', {'range(1, L + 1)': 'range(1, L)'})
edit('initialize_velocity', 'the zeros must have the shape of the '
     'parameter (np.zeros_like), not one entry per row',
     {"np.zeros_like(parameters[f'W{l}'])":
      "np.zeros((parameters[f'W{l}'].shape[0], 1))",
      "np.zeros_like(parameters[f'b{l}'])":
      "np.zeros((parameters[f'b{l}'].shape[0], 1))"})

edit('update_parameters_with_momentum', 'the gradient is weighted by '
     '(1 - beta): v = beta * v + (1 - beta) * dW',
     {'(1 - beta) * grads[key]': 'grads[key]'}, public=True)
edit('update_parameters_with_momentum', 'step along the velocity v, '
     'not the raw gradient',
     {'learning_rate * v[key]': 'learning_rate * grads[key]'})
edit('update_parameters_with_momentum', 'beta and 1 - beta are '
     'swapped: v = beta * v + (1 - beta) * dW',
     {'beta * v[key] + (1 - beta) * grads[key]':
      '(1 - beta) * v[key] + beta * grads[key]'})
edit('update_parameters_with_momentum', 'the parameters were updated '
     'with the old velocity: update v first, then step',
     {'            v[key] = beta * v[key] + (1 - beta) * grads[key]\n': '',
      'learning_rate * v[key]\n': 'learning_rate * v[key]\n'
      '            v[key] = beta * v[key] + (1 - beta) * grads[key]\n'})

# ------------------------------------------------------------------------ Adam
edit('initialize_adam', "the keys need a d: 'dW1', 'db1', ...",
     {"v[f'd{p}{l}']": "v[f'{p}{l}']", "s[f'd{p}{l}']": "s[f'{p}{l}']"},
     public=True)
edit('initialize_adam', 'the b entries are missing',
     {"for p in ('W', 'b')": "for p in ('W',)"})
edit('initialize_adam', 'the last layer is missing: loop over '
     'range(1, L + 1)', {'range(1, L + 1)': 'range(1, L)'})

edit('update_parameters_with_adam', 'no bias correction: divide v by '
     '(1 - beta1 ** t) and s by (1 - beta2 ** t)',
     {'v[key] / (1 - beta1 ** t)': 'v[key]',
      's[key] / (1 - beta2 ** t)': 's[key]'}, public=True)
edit('update_parameters_with_adam', 'the correction uses beta ** t, '
     'not beta: 1 - beta1 ** t',
     {'v[key] / (1 - beta1 ** t)': 'v[key] / (1 - beta1)',
      's[key] / (1 - beta2 ** t)': 's[key] / (1 - beta2)'})
edit('update_parameters_with_adam', 's averages the SQUARED gradients: '
     '(1 - beta2) * dW ** 2', {'grads[key] ** 2': 'grads[key]'})
edit('update_parameters_with_adam', 'epsilon goes outside the square '
     'root: sqrt(s_corrected) + epsilon',
     {'np.sqrt(s_corrected[key]) + epsilon':
      'np.sqrt(s_corrected[key] + epsilon)'})
edit('update_parameters_with_adam', 'the step uses the uncorrected v; '
     'use v_corrected / (sqrt(s_corrected) + epsilon)',
     {'step = v_corrected[key]': 'step = v[key]'})

# ----------------------------------------------------------------------- decay
edit('update_lr', 'brackets: divide by (1 + decay_rate * epoch_num)',
     {'learning_rate0 / (1 + decay_rate * epoch_num)':
      'learning_rate0 / 1 + decay_rate * epoch_num'}, public=True)
edit('update_lr', 'this is exponential decay; use learning_rate0 / '
     '(1 + decay_rate * epoch_num)',
     {'learning_rate0 / (1 + decay_rate * epoch_num)':
      'learning_rate0 * decay_rate ** epoch_num'})
edit('update_lr', 'epoch_num + 1: at epoch 0 the rate is '
     'learning_rate0', {'learning_rate0 / (1 + decay_rate * epoch_num)':
                        'learning_rate0 / (1 + decay_rate * (epoch_num + 1))'})

edit('schedule_lr_decay', 'round down: floor(epoch_num / '
     'time_interval)', {'math.floor(epoch_num / time_interval)':
                        'epoch_num / time_interval'}, public=True)
edit('schedule_lr_decay', 'use the time_interval argument, not a fixed '
     '1000', {'math.floor(epoch_num / time_interval)':
              'math.floor(epoch_num / 1000)'})
edit('schedule_lr_decay', 'round down with floor, not to the nearest '
     'integer', {'math.floor(': 'round('})
