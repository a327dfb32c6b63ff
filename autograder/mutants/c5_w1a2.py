"""Realistic learner bugs for C5_W1A2, as edits of the master's solution.

Each entry: function, likely cause, ``{old text: new text}`` edits of the
master's graded cell (each old text occurs there exactly once). The most
common bug of each function is ``public=True``: its public check catches it.
"""
from ..checking import Mutants

mutants = Mutants(__name__)
edit = mutants.edit

CLIP = ('np.clip(gradients[name], -maxValue, maxValue, '
        'out=gradients[name])')
edit('clip', 'the result of np.clip is thrown away: np.clip(g, lo, hi) '
     'returns a new array and leaves g alone unless out=g is passed',
     {CLIP: 'np.clip(gradients[name], -maxValue, maxValue)'}, public=True)
edit('clip', 'only the weights are clipped: db and dby are left out',
     {"('dWax', 'dWaa', 'dWya', 'db', 'dby')": "('dWax', 'dWaa', 'dWya')"})
edit('clip', 'the lower bound is 0 instead of -maxValue',
     {CLIP: 'np.clip(gradients[name], 0, maxValue, out=gradients[name])'})
edit('clip', 'the gradients passed in are clipped in place: clip a deep '
     'copy', {'    gradients = copy.deepcopy(gradients)  # leave the '
              "caller's arrays alone\n": ''})
edit('clip', 'copy.copy makes a shallow copy: the arrays are still the '
     "caller's, so clipping changes them — use copy.deepcopy",
     {'copy.deepcopy(gradients)': 'copy.copy(gradients)'})
edit('clip', 'the bounds are swapped: np.clip(g, maxValue, -maxValue) sets '
     'every entry to -maxValue',
     {CLIP: 'np.clip(gradients[name], maxValue, -maxValue, '
            'out=gradients[name])'})

DRAW = 'idx = int(np.random.choice(vocab_size, p=y.ravel()))'
edit('sample', 'the most likely character is taken (np.argmax) instead of '
     'a random draw with np.random.choice(vocab_size, p=y.ravel())',
     {DRAW: 'idx = int(np.argmax(y))'}, public=True)
edit('sample', 'the drawn character is not fed back: x stays the zero '
     'vector; set x[idx] = 1 after resetting x',
     {'        x[idx] = 1\n': ''})
edit('sample', 'the hidden state is not carried: every step starts from '
     'a_prev = 0; set a_prev = a after each step',
     {'        a_prev = a\n': ''})
edit('sample', 'np.random.seed(seed) is called at every step, so every '
     'draw uses the same random number: seed once, before the loop',
     {'    np.random.seed(seed)  # once: it fixes every draw below\n': '',
      '        y = softmax(Wya @ a + by)  # (vocab_size, 1)\n':
      '        y = softmax(Wya @ a + by)  # (vocab_size, 1)\n'
      '        np.random.seed(seed)\n'})
edit('sample', 'np.random.seed(seed) is never called: the draws depend on '
     'whatever ran before', {'    np.random.seed(seed)  # once: it fixes '
                             'every draw below\n': ''})
edit('sample', 'x is not reset before the one-hot is set: earlier '
     'characters stay switched on',
     {'        x = np.zeros((vocab_size, 1))  # the drawn character, '
      'one-hot\n': ''})
edit('sample', 'the newline is not appended when 50 characters are drawn '
     'without one', {'    if idx != newline:  # 50 characters and no '
                     'newline: end the name here\n        indices.append('
                     'newline)\n': ''})
edit('sample', 'the newline\'s index is assumed to be 0: read it from '
     "char_to_ix['\\n']", {"newline = char_to_ix['\\n']": 'newline = 0'})
edit('sample', 'one character too many: the loop runs while at most 50 '
     'are drawn (<= 50) instead of fewer than 50',
     {'len(indices) < 50': 'len(indices) <= 50'})

edit('optimize', 'the gradients are not clipped: call clip(gradients, 5) '
     'before the update', {'    gradients = clip(gradients, 5)\n': ''},
     public=True)
edit('optimize', 'the update goes uphill: the learning rate has the wrong '
     'sign (W -= learning_rate * dW)',
     {'update_parameters(parameters, gradients, learning_rate)':
      'update_parameters(parameters, gradients, -learning_rate)'})
edit('optimize', 'the learning rate is hard-coded to 0.01: pass the '
     'learning_rate argument',
     {'update_parameters(parameters, gradients, learning_rate)':
      'update_parameters(parameters, gradients, 0.01)'})
edit('optimize', 'a[-1] is the initial state (a is a dict by time step); '
     'the last state is a[len(X) - 1]', {'a[len(X) - 1]': 'a[-1]'})
edit('optimize', 'the update uses the raw gradients: clip before '
     'update_parameters, not after',
     {'    gradients = clip(gradients, 5)\n    update_parameters('
      'parameters, gradients, learning_rate)\n':
      '    update_parameters(parameters, gradients, learning_rate)\n'
      '    gradients = clip(gradients, 5)\n'})
edit('optimize', 'a_prev is ignored: the forward pass starts from zeros',
     {'rnn_forward(X, Y, a_prev, parameters)':
      'rnn_forward(X, Y, np.zeros_like(a_prev), parameters)'})

edit('model', 'the hidden state is not reset: every name should start '
     'from a_prev = zeros, not from the last state of the previous name',
     {'    last_dino_name = \'\'\n': '    last_dino_name = \'\'\n'
      '    a_prev = np.zeros((n_a, 1))\n',
      '        a_prev = np.zeros((n_a, 1))  # every name starts from a '
      'zero state\n': '',
      '        loss = smooth(loss, curr_loss)\n':
      '        loss = smooth(loss, curr_loss)\n        a_prev = a_last\n'},
     public=True)
edit('model', 'the examples are not shuffled: np.random.seed(0), then '
     'np.random.shuffle(examples)',
     {'    np.random.shuffle(examples)\n': ''})
edit('model', 'the shuffle is not seeded: call np.random.seed(0) just '
     'before np.random.shuffle', {'    np.random.seed(0)\n': ''})
edit('model', 'X does not start with None: the first input is the zero '
     'vector, X = [None] + indices',
     {'X = [None] + [char_to_ix[ch] for ch in example]':
      'X = [char_to_ix[ch] for ch in example]'})
edit('model', 'data_x itself is shuffled: build a new list of examples',
     {'examples = [name.strip() for name in data_x]': 'examples = data_x'})
edit('model', 'the samples use seeds 1 … dino_names instead of 0 … '
     'dino_names - 1', {'for seed in range(dino_names):':
                        'for seed in range(1, dino_names + 1):'})
edit('model', 'the learning rate is 0.1 instead of 0.01',
     {'learning_rate=0.01)': 'learning_rate=0.1)'})
edit('model', 'the examples run out: take examples[j % len(examples)] so '
     'that the list starts again after its last name',
     {'examples[j % len(examples)]': 'examples[j]'})
