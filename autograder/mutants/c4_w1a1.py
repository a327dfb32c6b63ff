"""Realistic learner bugs for C4_W1A1, as edits of the master's solution.

Each entry: function, likely cause, ``{old text: new text}`` edits of the
master's graded cell (each old text occurs there exactly once, or every
time with ``every=True``). The most common bug of each function is
``public=True``: its public check catches it.
"""
from ..checking import Mutants

mutants = Mutants(__name__)
edit = mutants.edit

WIDTHS = 'widths = ((0, 0), (pad, pad), (pad, pad), (0, 0))'
edit('zero_pad', 'padded the examples and the channels too: use (0, 0) for '
     'axes 0 and 3, (pad, pad) only for height and width',
     {WIDTHS: 'widths = ((pad, pad), (pad, pad), (pad, pad), (pad, pad))'},
     public=True)
edit('zero_pad', 'zeros were added on one side only (below and right): '
     'use (pad, pad), before and after',
     {WIDTHS: 'widths = ((0, 0), (0, pad), (0, pad), (0, 0))'})
edit('zero_pad', 'padded the channels instead of the width: the axes are '
     '(m, n_H, n_W, n_C)',
     {WIDTHS: 'widths = ((0, 0), (pad, pad), (0, 0), (pad, pad))'})
edit('zero_pad', "mode='edge' repeats the border pixels; zero padding adds "
     "zeros: mode='constant', constant_values=0",
     {"mode='constant', constant_values=0": "mode='edge'"})

edit('conv_single_step', 'b is missing: add the bias to the sum',
     {'Z = np.sum(products) + b.item()': 'Z = np.sum(products)'},
     public=True)
edit('conv_single_step', 'the result is a (1, 1, 1) array: add b as a '
     'number, b.item() or np.squeeze(b)', {'b.item()': 'b'})
edit('conv_single_step', "summed over the window's rows and columns only: "
     'sum all f * f * n_C_prev products, over the channels too',
     {'np.sum(products)': 'np.sum(products, axis=(0, 1))'})
edit('conv_single_step', 'took the mean of the products: a convolution '
     'adds them up (np.sum)', {'np.sum(products)': 'np.mean(products)'})

edit('conv_forward', 'the window does not move by the stride: it starts at '
     'row h * stride and column w * stride, not at h and w',
     {'top = h * stride': 'top = h', 'left = w * stride': 'left = w'},
     public=True)
edit('conv_forward', 'the output size lacks the + 1: n_H = (n_H_prev + 2 '
     'pad - f) // stride + 1', {'// stride + 1': '// stride'}, every=True)
edit('conv_forward', 'the padding is missing from the output size: n_H = '
     '(n_H_prev + 2 pad - f) // stride + 1',
     {' + 2 * pad - f)': ' - f)'}, every=True)
edit('conv_forward', 'rows and columns are swapped in the window: '
     'A_prev_pad[i, rows, columns, :] with rows from h, columns from w',
     {'A_prev_pad[i, top:top + f, left:left + f, :]':
      'A_prev_pad[i, left:left + f, top:top + f, :]'})
edit('conv_forward', 'the cache holds the padded input; it keeps A_prev as '
     'given: (A_prev, W, b, hparameters)',
     {'cache = (A_prev, W, b, hparameters)':
      'cache = (A_prev_pad, W, b, hparameters)'})

edit('pool_forward', 'max and average are swapped',
     {"if mode == 'max'": "if mode == 'average'",
      "elif mode == 'average'": "elif mode == 'max'"}, public=True)
edit('pool_forward', 'the window does not move by the stride: it starts at '
     'row h * stride and column w * stride, not at h and w',
     {'top = h * stride': 'top = h', 'left = w * stride': 'left = w'})
edit('pool_forward', 'reduced the whole window block, every example and '
     'channel together: reduce over axes 1 and 2 only',
     {'np.max(window, axis=(1, 2))': 'np.max(window)',
      'np.mean(window, axis=(1, 2))': 'np.mean(window)'})
edit('pool_forward', 'the output size lacks the + 1: n_H = (n_H_prev - f) '
     '// stride + 1', {'// stride + 1': '// stride'}, every=True)
edit('pool_forward', "f and stride were read from each other's keys",
     {"f, stride = hparameters['f'], hparameters['stride']":
      "f, stride = hparameters['stride'], hparameters['f']"})
