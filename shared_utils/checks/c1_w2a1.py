"""Public checks for C1_W2A1, Python Basics with NumPy.

One function per graded function, named like it: ``checks.sigmoid(sigmoid)``.
Each check runs type, shape, a hand-computable input, a fixed small input
(expected numbers computed once with our reference) and invariants, in that
order, and stops at the first problem with a message naming the likely cause.
"""
import math

import numpy as np

from ._base import check
from ._hints import call as _call, likely as _likely, scalar as _scalar

LN3 = math.log(3.0)


def basic_sigmoid(basic_sigmoid):
    """Check `basic_sigmoid(x)` = 1 / (1 + exp(-x)) on Python scalars."""
    with check('basic_sigmoid') as c:
        out = c.call(basic_sigmoid, 0.0)
        c.type(out, float, 'basic_sigmoid(0.0)')
        c.close(out, 0.5, 'basic_sigmoid(0.0)')
        out = c.call(basic_sigmoid, LN3)
        c.close(out, 0.75, 'basic_sigmoid(ln 3)', _likely(out, [
            (0.25, 'the exponent has the wrong sign: use math.exp(-x)'),
            (3.0, 'returned math.exp(x) instead of 1 / (1 + math.exp(-x))'),
        ]))
        for x, want in [(-1.7, 0.1544652650835347),
                        (2.3, 0.9088770389851438)]:
            c.close(c.call(basic_sigmoid, x), want, f'basic_sigmoid({x})')
        c.close(c.call(basic_sigmoid, 2), 0.8807970779778823,
                'basic_sigmoid(2) (a Python int)')
        total = c.call(basic_sigmoid, 0.9) + c.call(basic_sigmoid, -0.9)
        c.close(total, 1.0, 'basic_sigmoid(0.9) + basic_sigmoid(-0.9)',
                'σ(x) + σ(-x) should always be 1')


def sigmoid(sigmoid):
    """Check the NumPy `sigmoid(x)` on arrays of any shape."""
    with check('sigmoid') as c:
        x = np.array([[0.0, LN3, -LN3]])
        out = _call(c, sigmoid, x.copy(), hint='math.exp only takes '
                    'scalars; np.exp works on whole arrays')
        c.type(out, np.ndarray, 'sigmoid(array)')
        c.shape(out, (1, 3), 'sigmoid(x) for x of shape (1, 3)',
                'the output must have the shape of the input')
        c.close(out, [[0.5, 0.75, 0.25]], 'sigmoid([[0, ln 3, -ln 3]])',
                _likely(out, [
                    ([[0.5, 0.25, 0.75]],
                     'the exponent has the wrong sign: use np.exp(-x)'),
                    ([[1.0, 3.0, 1 / 3]], 'returned np.exp(x) only'),
                ]))
        x = np.array([[0.33, -0.68, -1.4], [1.86, -2.48, 1.5]])
        want = [[0.5817593768, 0.3362613026, 0.1978161114],
                [0.865296948, 0.0772722021, 0.8175744762]]
        c.close(c.call(sigmoid, x.copy()), want, 'sigmoid on a (2, 3) input')
        x = np.linspace(-4.0, 4.0, 9)
        out = np.asarray(c.call(sigmoid, x.copy()), dtype=float)
        c.shape(out, (9,), 'sigmoid(x) for x of shape (9,)')
        c.close(out + out[::-1], np.ones(9), 'sigmoid(x) + sigmoid(-x)',
                'σ(x) + σ(-x) should always be 1')
        c.true(np.all(np.diff(out) > 0),
               'sigmoid should increase with x; check the exponent sign.')


def sigmoid_derivative(sigmoid_derivative):
    """Check `sigmoid_derivative(x)` = s (1 - s) with s = sigmoid(x)."""
    with check('sigmoid_derivative') as c:
        x = np.array([[0.0, LN3, -LN3]])
        out = c.call(sigmoid_derivative, x.copy())
        c.type(out, np.ndarray, 'sigmoid_derivative(array)')
        c.shape(out, (1, 3), 'sigmoid_derivative(x) for x of shape (1, 3)',
                'the output must have the shape of the input')
        c.close(out, [[0.25, 0.1875, 0.1875]],
                'sigmoid_derivative([[0, ln 3, -ln 3]])', _likely(out, [
                    ([[0.5, 0.75, 0.25]],
                     'returned s = sigmoid(x); the derivative is s * (1 - s)'),
                    ([[0.5, 0.25, 0.75]], 'returned 1 - s; use s * (1 - s)'),
                    ([[-0.25, -0.1875, -0.1875]],
                     'sign error: compute s * (1 - s), not s * (s - 1)'),
                ]))
        x = np.array([[1.64, -0.76], [-4.68, 5.37], [-0.92, -0.92]])
        want = [[0.136070166, 0.2171108232],
                [0.0091091811, 0.00461111],
                [0.2037568928, 0.2037568928]]
        c.close(c.call(sigmoid_derivative, x.copy()), want,
                'sigmoid_derivative on a (3, 2) input')
        x = np.linspace(-3.0, 3.0, 7)
        out = np.asarray(c.call(sigmoid_derivative, x.copy()), dtype=float)
        c.close(out, out[::-1], 'sigmoid_derivative(-x) vs (x)',
                'the derivative is symmetric around 0')
        c.true(np.all(out > 0) and np.all(out <= 0.25),
               'sigmoid_derivative must lie in (0, 0.25]; '
               'check that you return s * (1 - s).')


def image2vector(image2vector):
    """Check `image2vector(image)` turns (a, b, c) into a (a*b*c, 1) column."""
    with check('image2vector') as c:
        image = np.arange(24.0).reshape(4, 3, 2)  # (4, 3, 2)
        out = c.call(image2vector, image.copy())
        c.type(out, np.ndarray, 'image2vector(image)')
        hint = ('return a column vector: image.reshape(-1, 1), not a 1-D '
                'array' if np.ndim(out) == 1 else
                'the result must have one column and a*b*c rows')
        c.shape(out, (24, 1), 'image2vector(image of shape (4, 3, 2))',
                hint)
        c.close(out, np.arange(24.0).reshape(24, 1),
                'image2vector(np.arange(24).reshape(4, 3, 2))',
                'keep NumPy\'s default (row-major) order: a plain reshape, '
                'no transpose')
        image = np.array([
            [[1.49, 0.83, -2.08], [0.59, 0.84, -0.01], [-2.31, -2.01, 0.63],
             [-0.01, -0.99, 1.58], [0.66, 0.12, -0.31]],
            [[1.3, 0.38, 0.86], [-0.46, -0.95, 1.55], [0.34, -1.97, -1.25],
             [-0.72, -1.07, -0.36], [-0.44, 1.63, 0.98]]])  # (2, 5, 3)
        out = c.call(image2vector, image.copy())
        c.shape(out, (30, 1), 'image2vector(image of shape (2, 5, 3))',
                'use the shape of the input, not fixed numbers')
        c.close(out[[0, 4, 17, 29]], [[1.49], [0.84], [0.86], [0.98]],
                'entries 0, 4, 17 and 29 of image2vector on a (2, 5, 3) '
                'input', 'a plain reshape keeps the row-major order')


def normalize_rows(normalize_rows):
    """Check `normalize_rows(x)` divides each row by its L2 norm."""
    with check('normalize_rows') as c:
        x = np.array([[3.0, 4.0, 0.0], [1.0, 2.0, 2.0]])  # (2, 3)
        out = _call(c, normalize_rows, x.copy(), hint='the norms need '
                    'shape (n, 1) to broadcast: keepdims=True')
        c.type(out, np.ndarray, 'normalize_rows(x)')
        c.shape(out, (2, 3), 'normalize_rows(x) for x of shape (2, 3)',
                'divide by norms of shape (n, 1): use keepdims=True')
        cols = np.linalg.norm(x, axis=0, keepdims=True)
        c.close(out, [[0.6, 0.8, 0.0], [1 / 3, 2 / 3, 2 / 3]],
                'normalize_rows([[3, 4, 0], [1, 2, 2]])', _likely(out, [
                    (x / cols, 'normalised the columns; the norm of each '
                     'row needs axis=1'),
                    (x / np.linalg.norm(x), 'divided by the norm of the '
                     'whole matrix; pass axis=1, keepdims=True'),
                    (x / np.sum(x, axis=1, keepdims=True),
                     'divided by the row sums; use the L2 norm '
                     'np.linalg.norm(x, axis=1, keepdims=True)'),
                ]))
        x = np.array([[2.66, 5.5, 2.46, -3.23], [-1.65, 6.6, 0.92, 1.86],
                      [-0.96, 0.28, 0.39, 3.39]])  # (3, 4)
        want = [[0.3626183163, 0.7497747142, 0.3353537812, -0.4403222412],
                [-0.2319840056, 0.9279360225, 0.1293486577, 0.2615092427],
                [-0.2699762463, 0.0787430718, 0.1096778501, 0.9533536197]]
        out = c.call(normalize_rows, x.copy())
        c.close(out, want, 'normalize_rows on a (3, 4) input')
        c.close(np.linalg.norm(out, axis=1), np.ones(3),
                'the L2 norm of each output row', 'every row must have '
                'length 1 after normalising')


def softmax(softmax):
    """Check the row-wise `softmax(x)` on non-square inputs."""
    with check('softmax') as c:
        x = np.log(np.array([[1.0, 1.0, 1.0], [1.0, 2.0, 3.0]]))  # (2, 3)
        out = _call(c, softmax, x.copy(), hint='the row sums need shape '
                    '(n, 1) to broadcast: keepdims=True')
        c.type(out, np.ndarray, 'softmax(x)')
        c.shape(out, (2, 3), 'softmax(x) for x of shape (2, 3)',
                'use keepdims=True so the row sums have shape (n, 1)')
        e = np.exp(x)
        c.close(out, [[1 / 3, 1 / 3, 1 / 3], [1 / 6, 1 / 3, 1 / 2]],
                'softmax(log([[1, 1, 1], [1, 2, 3]]))', _likely(out, [
                    (e / e.sum(axis=0, keepdims=True), 'summed over axis 0 '
                     '(columns); each row is normalised: axis=1'),
                    (e / e.sum(), 'divided by the sum of the whole matrix; '
                     'sum each row with axis=1, keepdims=True'),
                ]))
        x = np.array([[-2.89, 0.14, 0.76, -2.78, 0.78],
                      [-0.26, -4.82, -1.58, -0.25, -0.31],
                      [-0.2, 1.05, 0.39, 0.15, 0.71]])  # (3, 5)
        want = [[0.0099462819, 0.2058605092, 0.3826798732, 0.0111028163,
                 0.3904105194],
                [0.3087489938, 0.0032301502, 0.0824777557, 0.3118519727,
                 0.2936911277],
                [0.0980611212, 0.3422669439, 0.1769011267, 0.1391553549,
                 0.2436154532]]
        out = c.call(softmax, x.copy())
        c.close(out, want, 'softmax on a (3, 5) input')
        c.close(np.sum(out, axis=1), np.ones(3), 'the sum of each output row',
                'every row of a softmax must sum to 1')
        shifted = c.call(softmax, x + np.array([[1.5], [-2.0], [0.5]]))
        c.close(shifted, want, 'softmax(x + a constant per row)',
                'adding a constant to a row must not change its softmax')


def L1(L1):
    """Check `L1(yhat, y)` = sum |y - yhat|."""
    with check('L1') as c:
        yhat, y = np.array([0.5, 0.25, 1.0]), np.array([1, 0, 0])
        out = c.call(L1, yhat.copy(), y.copy())
        _scalar(c, out, 'L1(yhat, y)')
        c.close(out, 1.75, 'L1([0.5, 0.25, 1.0], [1, 0, 0])', _likely(out, [
            (-0.75, 'forgot the absolute value: np.abs(y - yhat)'),
            (0.75, 'took the absolute value of the sum; sum the absolute '
             'values instead'),
            (1.3125, 'squared the differences; that is L2'),
        ]))
        yhat = np.array([0.42, 0.41, 0.19, 0.42, 0.54, 0.75])
        y = np.array([0, 0, 1, 0, 0, 1])
        c.close(c.call(L1, yhat.copy(), y.copy()), 2.85,
                'L1 on 6 predictions')
        c.close(c.call(L1, y.astype(float), y.copy()), 0.0, 'L1(y, y)',
                'the loss of a perfect prediction is 0')
        c.close(c.call(L1, y.astype(float), yhat.copy()), 2.85,
                'L1(y, yhat)', 'the loss is symmetric in its arguments')


def L2(L2):
    """Check `L2(yhat, y)` = sum (y - yhat)^2."""
    with check('L2') as c:
        yhat, y = np.array([0.5, 0.25, 1.0]), np.array([1, 0, 0])
        out = c.call(L2, yhat.copy(), y.copy())
        _scalar(c, out, 'L2(yhat, y)')
        c.close(out, 1.3125, 'L2([0.5, 0.25, 1.0], [1, 0, 0])',
                _likely(out, [
                    (1.75, 'returned the sum of |y - yhat| (that is L1); '
                     'square each difference'),
                    (0.5625, 'squared the sum; sum the squares instead, '
                     'e.g. np.dot(y - yhat, y - yhat)'),
                    (3.0625, 'squared the sum of absolute values; sum the '
                     'squares instead'),
                    (np.sqrt(1.3125), 'took a square root; L2 here is the '
                     'plain sum of squares'),
                ]))
        yhat = np.array([0.42, 0.41, 0.19, 0.42, 0.54, 0.75])
        y = np.array([0, 0, 1, 0, 0, 1])
        c.close(c.call(L2, yhat.copy(), y.copy()), 1.5311,
                'L2 on 6 predictions')
        c.close(c.call(L2, y.astype(float), y.copy()), 0.0, 'L2(y, y)',
                'the loss of a perfect prediction is 0')
        c.close(c.call(L2, y.astype(float), yhat.copy()), 1.5311,
                'L2(y, yhat)', 'the loss is symmetric in its arguments')
