"""Hidden checks for C4_W1A2, Convolutional Neural Networks: Application.

Both graded functions return Keras models. Each is compared with ours as a
graph (layer kinds, settings, shapes), by its parameter counts, and by its
outputs on fresh pictures once our weights are copied in: `happyModel`
with training off (batch norm's running statistics) and on (the batch's
own statistics), `convolutional_model` for the course's (64, 64, 3) and
for two fresh input shapes whose sides are not multiples of the pooling
strides, so 'same' and 'valid' pooling give different shapes.
"""
from ..checking import Registry

checks = Registry()


@checks('happyModel')
def happy_model(t):
    with t.case():
        got = t.call(label='happyModel() runs')
        m = int(t.rng.integers(3, 7))
        x = t.rng.uniform(0.0, 1.0, size=(m, 64, 64, 3)).astype('float32')
        t.model('happyModel()', got, t.ref(), [x],
                calls=({'training': False}, {'training': True}),
                via=lambda f: f())


def _shapes(t):
    """(64, 64, 3), then two fresh shapes with sides that are not
    multiples of 8 or 4 and another number of channels."""
    shapes = [(64, 64, 3)]
    for channels in t.rng.choice([1, 2, 4], size=2, replace=False):
        h, w = (int(t.rng.integers(3, 9)) * 8 + int(t.rng.integers(1, 8))
                for _ in range(2))
        shapes.append((h, w, int(channels)))
    return shapes


@checks('convolutional_model')
def convolutional_model(t):
    for shape in _shapes(t):
        with t.case():
            got = t.call(shape, label=f'convolutional_model({shape}) runs')
            x = t.rng.uniform(0.0, 1.0, size=(int(t.rng.integers(2, 5)),) +
                              shape).astype('float32')
            t.model(f'convolutional_model({shape})', got, t.ref(shape), [x],
                    via=lambda f, s=shape: f(s))
