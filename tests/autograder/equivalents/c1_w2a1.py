"""Correct solutions written differently from ours: each must score full."""
import math

import numpy as np

from autograder.checking import Mutants

equivalents = Mutants()


@equivalents('basic_sigmoid', 'exp(x) / (1 + exp(x)), a stable branch')
def basic_sigmoid(x):
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    e = math.exp(x)
    return e / (1.0 + e)


@equivalents('sigmoid', 'np.tanh identity')
def sigmoid(x):  # noqa: F811
    return 0.5 * (1 + np.tanh(np.asarray(x) / 2))


@equivalents('sigmoid', 'np.reciprocal, other names')
def sigmoid(x):  # noqa: F811
    denominator = np.add(1.0, np.exp(np.negative(x)))
    return np.reciprocal(denominator)


@equivalents('sigmoid_derivative', 'exp form e^-x / (1 + e^-x)^2')
def sigmoid_derivative(x):
    e = np.exp(-x)
    return e / (1 + e) ** 2


@equivalents('sigmoid_derivative', 'calls the notebook sigmoid')
def sigmoid_derivative(x):  # noqa: F811
    s = sigmoid(x)
    return s - s ** 2


@equivalents('image2vector', 'explicit product of the three sizes')
def image2vector(image):
    length, height, depth = image.shape
    return image.reshape((length * height * depth, 1))


@equivalents('image2vector', 'triple loop')
def image2vector(image):  # noqa: F811
    out = []
    for i in range(image.shape[0]):
        for j in range(image.shape[1]):
            for k in range(image.shape[2]):
                out.append(image[i, j, k])
    return np.array(out).reshape(-1, 1)


@equivalents('image2vector', 'ravel then a new axis')
def image2vector(image):  # noqa: F811
    return image.ravel()[:, np.newaxis]


@equivalents('normalize_rows', 'square root of the row sums, in place')
def normalize_rows(x):
    x = x.copy()
    x /= np.sqrt(np.sum(x * x, axis=1, keepdims=True))
    return x


@equivalents('normalize_rows', 'a loop over rows')
def normalize_rows(x):  # noqa: F811
    rows = [row / math.sqrt(sum(v * v for v in row)) for row in x]
    return np.array(rows)


@equivalents('softmax', 'subtract the row max first (numerically stable)')
def softmax(x):
    shifted = x - np.max(x, axis=1, keepdims=True)
    e = np.exp(shifted)
    return e / e.sum(axis=1, keepdims=True)


@equivalents('softmax', 'a loop over rows, reshape instead of keepdims')
def softmax(x):  # noqa: F811
    out = np.zeros_like(x, dtype=float)
    for i in range(x.shape[0]):
        e = np.exp(x[i])
        out[i] = e / e.sum()
    return out


@equivalents('L1', 'a Python loop')
def L1(yhat, y):
    total = 0.0
    for a, b in zip(yhat, y):
        total += abs(b - a)
    return total


@equivalents('L1', 'np.linalg.norm with ord=1')
def L1(yhat, y):  # noqa: F811
    return np.linalg.norm(y - yhat, ord=1)


@equivalents('L2', 'dot product of the difference with itself')
def L2(yhat, y):
    d = y - yhat
    return np.dot(d, d)


@equivalents('L2', 'squared Euclidean norm')
def L2(yhat, y):  # noqa: F811
    return np.linalg.norm(yhat - y) ** 2
