"""Realistic learner bugs for C5_W1A1, as edits of the master's solution.

Each entry: function, likely cause, ``{old text: new text}`` edits of the
master's graded cell (each old text occurs there exactly once). The most
common bug of each function is ``public=True``: its public check catches it.
"""
from ..checking import Mutants

mutants = Mutants(__name__)
edit = mutants.edit

edit('rnn_cell_forward', 'yt_pred is read off a_prev; it uses the new state '
     'a_next', {'softmax(Wya @ a_next + by)': 'softmax(Wya @ a_prev + by)'},
     public=True)
edit('rnn_cell_forward', 'sigmoid instead of tanh for the hidden state',
     {'a_next = np.tanh(': 'a_next = sigmoid('})
edit('rnn_cell_forward', 'the bias ba is missing from the hidden state',
     {' + Waa @ a_prev + ba)': ' + Waa @ a_prev)'})
edit('rnn_cell_forward', 'Wax and Waa are swapped: Wax multiplies xt, Waa '
     'multiplies a_prev',
     {'Wax @ xt + Waa @ a_prev': 'Waa @ xt + Wax @ a_prev'})
edit('rnn_cell_forward', 'softmax over the examples (axis 1): each column '
     '(one example) must sum to 1 — use softmax from rnn_utils',
     {'yt_pred = softmax(Wya @ a_next + by)':
      'z = Wya @ a_next + by\n'
      '    yt_pred = np.exp(z) / np.sum(np.exp(z), axis=1, keepdims=True)'})
edit('rnn_cell_forward', 'the softmax is missing: yt_pred is the raw score '
     'Wya a_next + by', {'softmax(Wya @ a_next + by)': '(Wya @ a_next + by)'})
edit('rnn_cell_forward', 'a_next and a_prev are swapped in the cache',
     {'cache = (a_next, a_prev, xt, parameters)':
      'cache = (a_prev, a_next, xt, parameters)'})

edit('rnn_forward', 'the state is not carried: every step starts from a0 '
     'instead of the previous a_next',
     {'rnn_cell_forward(x[:, :, t], a_next,': 'rnn_cell_forward(x[:, :, t], '
      'a0,'}, public=True)
edit('rnn_forward', 'wrong time index: step t reads x[:, :, t - 1]',
     {'rnn_cell_forward(x[:, :, t],': 'rnn_cell_forward(x[:, :, t - 1],'})
edit('rnn_forward', 'y_pred is never filled: store yt_pred in '
     'y_pred[:, :, t] at every step',
     {'        y_pred[:, :, t] = yt_pred  # (n_y, m)\n': ''})
edit('rnn_forward', 'a is stored one step late: a[:, :, t] holds the state '
     'before step t', {'        a[:, :, t] = a_next  # (n_a, m)\n': '',
                       '        a_next, yt_pred, cache = ':
                       '        a[:, :, t] = a_next\n'
                       '        a_next, yt_pred, cache = '})
edit('rnn_forward', 'caches is only the list; return the pair (caches, x)',
     {'    caches = (caches, x)\n': ''})

edit('lstm_cell_forward', 'c_prev is forgotten: c_next = ft * c_prev + '
     'it * cct', {'c_next = ft * c_prev + it * cct': 'c_next = it * cct'},
     public=True)
edit('lstm_cell_forward', 'the forget gate uses tanh; every gate is a '
     'sigmoid, with values in (0, 1)', {'ft = sigmoid(': 'ft = np.tanh('})
edit('lstm_cell_forward', 'the candidate uses sigmoid; cct = tanh(Wc '
     'concat + bc)', {'cct = np.tanh(': 'cct = sigmoid('})
edit('lstm_cell_forward', 'concat is [xt; a_prev]; the state goes first: '
     '[a_prev; xt]', {'np.concatenate([a_prev, xt], axis=0)':
                      'np.concatenate([xt, a_prev], axis=0)'})
edit('lstm_cell_forward', 'a_next = ot * c_next: the tanh of the cell is '
     'missing', {'a_next = ot * np.tanh(c_next)': 'a_next = ot * c_next'})
edit('lstm_cell_forward', 'a_next uses the old cell c_prev instead of '
     'c_next', {'ot * np.tanh(c_next)': 'ot * np.tanh(c_prev)'})
edit('lstm_cell_forward', 'copy-paste: the output gate uses Wf and bf',
     {'sigmoid(Wo @ concat + bo)': 'sigmoid(Wf @ concat + bf)'})
edit('lstm_cell_forward', 'the forget and update gates are swapped in the '
     'cache', {'cache = (a_next, c_next, a_prev, c_prev, ft, it,':
               'cache = (a_next, c_next, a_prev, c_prev, it, ft,'})

edit('lstm_forward', 'wrong time index: step t reads x[:, :, t - 1]',
     {'lstm_cell_forward(x[:, :, t],': 'lstm_cell_forward(x[:, :, t - 1],'},
     public=True)
edit('lstm_forward', 'c is never filled: store c_next in c[:, :, t] at '
     'every step', {'        c[:, :, t] = c_next  # (n_a, m)\n': ''})
edit('lstm_forward', 'the memory cell starts at a0; it starts at zeros',
     {'c_next = np.zeros((n_a, m))': 'c_next = a0'})
edit('lstm_forward', 'the state is not carried: every step starts from a0 '
     'instead of the previous a_next',
     {'lstm_cell_forward(x[:, :, t], a_next,':
      'lstm_cell_forward(x[:, :, t], a0,'})
edit('lstm_forward', 'the memory is reset at every step: c_next = zeros '
     'inside the loop', {'    for t in range(T_x):\n':
                         '    for t in range(T_x):\n'
                         '        c_next = np.zeros((n_a, m))\n'})
