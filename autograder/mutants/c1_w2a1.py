"""Realistic learner bugs for C1_W2A1, as edits of the master's solution.

Each entry: function, likely cause, ``{old text: new text}`` edits of the
master's graded cell (each old text occurs there exactly once). The most
common bug of each function is ``public=True``: its public check catches it.
"""
from ..checking import Mutants

mutants = Mutants(__name__)
edit = mutants.edit

edit('basic_sigmoid', 'sign error: use math.exp(-x), not math.exp(x)',
     {'math.exp(-x)': 'math.exp(x)'}, public=True)
edit('basic_sigmoid', 'operator precedence: write 1 / (1 + math.exp(-x)), '
     'with the brackets', {'1 / (1 + math.exp(-x))': '1 / 1 + math.exp(-x)'})
edit('basic_sigmoid', 'returned 1 / (1 - exp(-x)); the denominator is '
     '1 + exp(-x)', {'(1 + math': '(1 - math'})

edit('sigmoid', 'sign error: use np.exp(-x), not np.exp(x)',
     {'np.exp(-x)': 'np.exp(x)'}, public=True)
edit('sigmoid', 'math.exp only takes single numbers; use np.exp',
     {'np.exp': 'math.exp'})
edit('sigmoid', 'operator precedence: write 1 / (1 + np.exp(-x))',
     {'1 / (1 + np.exp(-x))': '1 / 1 + np.exp(-x)'})

edit('sigmoid_derivative', 'returned sigmoid(x) itself; the derivative is '
     's * (1 - s)', {'return s * (1 - s)': 'return s'}, public=True)
edit('sigmoid_derivative', 'used s * (1 + s); the derivative is s * (1 - s)',
     {'s * (1 - s)': 's * (1 + s)'})
edit('sigmoid_derivative', 'used x * (1 - x); apply the formula to '
     's = sigmoid(x), not to x', {'s * (1 - s)': 'x * (1 - x)'})

edit('image2vector', 'returned a 1-D array; reshape to (n, 1) to get a '
     'column vector', {'image.reshape(length * height * depth, 1)':
                     'image.reshape(length * height * depth)'}, public=True)
edit('image2vector', 'returned a row (1, n); the expected shape is a column '
     '(n, 1)', {'reshape(length * height * depth, 1)':
                'reshape(1, length * height * depth)'})
edit('image2vector', 'reshaped in column-major (Fortran) order or transposed '
     'first; use image.reshape(-1, 1)',
     {'depth, 1)  #': "depth, 1, order='F')  #"})
edit('image2vector', 'hard-coded the image size; read it from image.shape',
     {'reshape(length * height * depth, 1)': 'reshape(3 * 3 * 2, 1)'})

edit('normalize_rows', 'normalised columns (axis=0); each row must be '
     'divided by its own norm (axis=1)', {'axis=1': 'axis=0'}, public=True)
edit('normalize_rows', 'forgot keepdims=True, so the norms broadcast along '
     'the wrong axis', {', keepdims=True': ''})
edit('normalize_rows', 'used the L1 norm; the row norm is the L2 norm '
     '(square root of the sum of squares)',
     {'np.linalg.norm(x,': 'np.sum(np.abs(x),'})
edit('normalize_rows', 'forgot the square root of the sum of squares',
     {'np.linalg.norm(x,': 'np.sum(x ** 2,'})
edit('normalize_rows', 'divided by the norm of the whole matrix; each row '
     'needs its own norm', {'norm(x, axis=1, keepdims=True)': 'norm(x)'})

edit('softmax', 'summed over axis 0 (columns); softmax normalises each row '
     '(axis=1)', {'axis=1': 'axis=0'}, public=True)
edit('softmax', 'forgot keepdims=True, so the row sums broadcast along the '
     'wrong axis', {', keepdims=True': ''})
edit('softmax', 'normalised over the whole matrix; each row needs its own '
     'sum', {'np.sum(x_exp, axis=1, keepdims=True)': 'np.sum(x_exp)'})
edit('softmax', 'forgot np.exp in the numerator',
     {'return x_exp / row_sums': 'return x / row_sums'})

edit('L1', 'forgot the absolute value |y - yhat|',
     {'np.abs(y - yhat)': '(y - yhat)'}, public=True)
edit('L1', 'took the mean; L1 here is the sum over examples',
     {'np.sum': 'np.mean'})
edit('L1', 'took the absolute value of the sum, not the sum of absolute '
     'values', {'np.sum(np.abs(y - yhat))': 'np.abs(np.sum(y - yhat))'})

edit('L2', 'returned the L1 loss; square the differences',
     {'np.dot(diff, diff)': 'np.sum(np.abs(diff))'}, public=True)
edit('L2', 'squared the sum; sum the squares instead',
     {'np.dot(diff, diff)': 'np.sum(diff) ** 2'})
edit('L2', 'took the mean; L2 here is the sum over examples',
     {'np.dot(diff, diff)': 'np.mean(diff ** 2)'})
edit('L2', 'took the square root (the norm); L2 loss is the sum of squares',
     {'np.dot(diff, diff)': 'np.sqrt(np.dot(diff, diff))'})
