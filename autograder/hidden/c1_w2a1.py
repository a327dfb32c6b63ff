"""Hidden checks for C1_W2A1, Python Basics with Numpy.

Every input is drawn from ``t.rng`` with sizes the notebook never uses, and
every expected value comes from our reference on the same input.
"""
import numpy as np

from ..checking import Registry

checks = Registry()


def _size(t, low=2, high=9):
    return int(t.rng.integers(low, high))


@checks('basic_sigmoid')
def basic_sigmoid(t):
    for x in (0.0, float(t.rng.uniform(0.5, 4)), float(t.rng.uniform(-6, -1)),
              -35.0):
        with t.case():
            out = t.call(x, label=f'basic_sigmoid({x:.4g}) runs')
            t.type(f'basic_sigmoid({x:.4g}) type', out, (float, int),
                   hint='return a number, e.g. the result of math.exp')
            t.close(f'basic_sigmoid({x:.4g})', out, t.ref(x),
                    via=lambda f, x=x: f(x), rtol=1e-9)


def _array_function(t, name, scale=3.0):
    """Shared spec for element-wise array functions (sigmoid and friends)."""
    shapes = [(_size(t), _size(t, 3, 11)), (_size(t, 5, 17),),
              (_size(t, 2, 4), _size(t, 2, 5), _size(t, 2, 4))]
    for shape in shapes:
        with t.case():
            x = t.rng.normal(0.0, scale, size=shape)
            out = t.call(x, label=f'{name} on shape {shape} runs')
            t.type(f'{name} on shape {shape} returns', out, np.ndarray,
                   hint='use numpy functions (np.exp), not math.exp, so '
                        'whole arrays work')
            t.shape(f'{name} on shape {shape}: output shape', out, shape,
                    hint='an element-wise function keeps the input shape')
            t.close(f'{name} on shape {shape}: values', out, t.ref(x),
                    via=lambda f, x=x: f(x))


@checks('sigmoid')
def sigmoid(t):
    _array_function(t, 'sigmoid')


@checks('sigmoid_derivative')
def sigmoid_derivative(t):
    _array_function(t, 'sigmoid_derivative')


@checks('image2vector')
def image2vector(t):
    for shape in [(_size(t), _size(t), 3), (_size(t, 3, 6), _size(t), 1)]:
        with t.case():
            image = t.rng.uniform(0, 1, size=shape)
            n = int(np.prod(shape))
            out = t.call(image, label=f'image2vector on shape {shape} runs')
            t.type(f'image2vector on shape {shape} returns', out, np.ndarray)
            t.shape(f'image2vector on shape {shape}: output shape', out,
                    (n, 1), hint='a column vector (n, 1), not a 1-D array '
                    'or a row, sized from image.shape (not hard-coded)',
                    via=lambda f, im=image: f(im))
            t.close(f'image2vector on shape {shape}: order of values', out,
                    t.ref(image), via=lambda f, im=image: f(im),
                    hint='reshape in numpy\'s default (row-major) order')
            after = t.args_after[0]
            t.check(f'image2vector on shape {shape}: input untouched',
                    np.shape(after) == shape and np.allclose(after, image),
                    'your function changed the image passed in')


def _row_matrix(t, name, make):
    """Cases for row-wise functions: tall, wide and square inputs."""
    n = _size(t, 2, 6)
    shapes = [(n, n + _size(t, 2, 5)), (n + _size(t, 2, 5), n), (n, n)]
    for shape in shapes:
        with t.case():
            x = make(shape)
            out = t.call(x, label=f'{name} on shape {shape} runs')
            t.type(f'{name} on shape {shape} returns', out, np.ndarray)
            t.shape(f'{name} on shape {shape}: output shape', out, shape)
            t.close(f'{name} on shape {shape}: values', out, t.ref(x),
                    via=lambda f, x=x: f(x))


@checks('normalize_rows')
def normalize_rows(t):
    def make(shape):
        x = t.rng.normal(0, 2, size=shape)
        x[0, 0] = 0.0   # a zero entry, not a zero row
        return x
    _row_matrix(t, 'normalize_rows', make)


@checks('softmax')
def softmax(t):
    _row_matrix(t, 'softmax', lambda shape: t.rng.normal(0, 2, size=shape))
    with t.case():
        x = t.rng.normal(0, 2, size=(3, 6))
        out = t.call(x, label='softmax rows sum to one: runs')
        t.close('softmax: every row sums to 1', np.sum(out, axis=1),
                np.ones(3), hint='divide by the sum over each row (axis=1)')


def _loss(t, name):
    # the second case has mostly 0 labels, so sum(y - yhat) is negative
    for m, share in ((_size(t, 3, 8), 0.5), (_size(t, 9, 30), 0.85)):
        with t.case():
            y = (t.rng.uniform(size=m) > share).astype(float)
            yhat = t.rng.uniform(0.01, 0.99, size=m)
            out = t.call(yhat, y, label=f'{name} with m={m} runs')
            t.check(f'{name} with m={m} returns one number',
                    np.ndim(out) == 0 and np.size(out) == 1,
                    f'expected a scalar, got shape {np.shape(out)} — sum '
                    'over all examples')
            t.close(f'{name} with m={m}: value', out, t.ref(yhat, y),
                    via=lambda f, a=yhat, b=y: f(a, b))


@checks('L1')
def L1(t):
    _loss(t, 'L1')


@checks('L2')
def L2(t):
    _loss(t, 'L2')
