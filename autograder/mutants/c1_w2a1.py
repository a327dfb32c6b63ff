"""Realistic learner bugs for C1_W2A1; each must lose points.

``public=True`` marks the most common bug, which the notebook's public
check must catch too.
"""
import math

import numpy as np

from ..checking import Mutants

mutants = Mutants()


@mutants('basic_sigmoid', 'sign error: use math.exp(-x), not math.exp(x)',
         public=True)
def basic_sigmoid(x):
    return 1 / (1 + math.exp(x))


@mutants('basic_sigmoid', 'operator precedence: write 1 / (1 + math.exp(-x))'
         ', with the brackets')
def basic_sigmoid(x):  # noqa: F811
    return 1 / 1 + math.exp(-x)


@mutants('basic_sigmoid', 'returned exp(-x) / (1 - exp(-x)); the '
         'denominator is 1 + exp(-x)')
def basic_sigmoid(x):  # noqa: F811
    return 1 / (1 - math.exp(-x))


@mutants('sigmoid', 'sign error: use np.exp(-x), not np.exp(x)', public=True)
def sigmoid(x):
    return 1 / (1 + np.exp(x))


@mutants('sigmoid', 'math.exp only takes single numbers; use np.exp')
def sigmoid(x):  # noqa: F811
    return 1 / (1 + math.exp(-x))


@mutants('sigmoid', 'operator precedence: write 1 / (1 + np.exp(-x))')
def sigmoid(x):  # noqa: F811
    return 1 / 1 + np.exp(-x)


@mutants('sigmoid_derivative', 'returned sigmoid(x) itself; the derivative '
         'is s * (1 - s)', public=True)
def sigmoid_derivative(x):
    return 1 / (1 + np.exp(-x))


@mutants('sigmoid_derivative', 'used s * (1 + s); the derivative is '
         's * (1 - s)')
def sigmoid_derivative(x):  # noqa: F811
    s = 1 / (1 + np.exp(-x))
    return s * (1 + s)


@mutants('sigmoid_derivative', 'used x * (1 - x); apply the formula to '
         's = sigmoid(x), not to x')
def sigmoid_derivative(x):  # noqa: F811
    return x * (1 - x)


@mutants('image2vector', 'returned a 1-D array; reshape to (n, 1) to get a '
         'column vector', public=True)
def image2vector(image):
    return image.reshape(-1)


@mutants('image2vector', 'returned a row (1, n); the expected shape is a '
         'column (n, 1)')
def image2vector(image):  # noqa: F811
    return image.reshape(1, -1)


@mutants('image2vector', 'reshaped in column-major (Fortran) order or '
         'transposed first; use image.reshape(-1, 1)')
def image2vector(image):  # noqa: F811
    return image.reshape((-1, 1), order='F')


@mutants('image2vector', 'hard-coded the image size; read it from '
         'image.shape')
def image2vector(image):  # noqa: F811
    return image.reshape(3 * 3 * 2, 1)


@mutants('normalize_rows', 'normalised columns (axis=0); each row must be '
         'divided by its own norm (axis=1)', public=True)
def normalize_rows(x):
    return x / np.linalg.norm(x, axis=0, keepdims=True)


@mutants('normalize_rows', 'forgot keepdims=True, so the norms broadcast '
         'along the wrong axis')
def normalize_rows(x):  # noqa: F811
    return x / np.linalg.norm(x, axis=1)


@mutants('normalize_rows', 'used the L1 norm; the row norm is the L2 norm '
         '(square root of the sum of squares)')
def normalize_rows(x):  # noqa: F811
    return x / np.sum(np.abs(x), axis=1, keepdims=True)


@mutants('normalize_rows', 'forgot the square root of the sum of squares')
def normalize_rows(x):  # noqa: F811
    return x / np.sum(x ** 2, axis=1, keepdims=True)


@mutants('normalize_rows', 'divided by the norm of the whole matrix; '
         'each row needs its own norm')
def normalize_rows(x):  # noqa: F811
    return x / np.linalg.norm(x)


@mutants('softmax', 'summed over axis 0 (columns); softmax normalises each '
         'row (axis=1)', public=True)
def softmax(x):
    e = np.exp(x)
    return e / np.sum(e, axis=0, keepdims=True)


@mutants('softmax', 'forgot keepdims=True, so the row sums broadcast along '
         'the wrong axis')
def softmax(x):  # noqa: F811
    e = np.exp(x)
    return e / np.sum(e, axis=1)


@mutants('softmax', 'normalised over the whole matrix; each row needs its '
         'own sum')
def softmax(x):  # noqa: F811
    e = np.exp(x)
    return e / np.sum(e)


@mutants('softmax', 'forgot np.exp in the numerator')
def softmax(x):  # noqa: F811
    return x / np.sum(np.exp(x), axis=1, keepdims=True)


@mutants('L1', 'forgot the absolute value |y - yhat|', public=True)
def L1(yhat, y):
    return np.sum(y - yhat)


@mutants('L1', 'took the mean; L1 here is the sum over examples')
def L1(yhat, y):  # noqa: F811
    return np.mean(np.abs(y - yhat))


@mutants('L1', 'took the absolute value of the sum, not the sum of absolute '
         'values')
def L1(yhat, y):  # noqa: F811
    return np.abs(np.sum(y - yhat))


@mutants('L2', 'returned the L1 loss; square the differences', public=True)
def L2(yhat, y):
    return np.sum(np.abs(y - yhat))


@mutants('L2', 'squared the sum; sum the squares instead')
def L2(yhat, y):  # noqa: F811
    return np.sum(y - yhat) ** 2


@mutants('L2', 'took the mean; L2 here is the sum over examples')
def L2(yhat, y):  # noqa: F811
    return np.mean((y - yhat) ** 2)


@mutants('L2', 'took the square root (the norm); L2 loss is the sum of '
         'squares')
def L2(yhat, y):  # noqa: F811
    return np.sqrt(np.sum((y - yhat) ** 2))
