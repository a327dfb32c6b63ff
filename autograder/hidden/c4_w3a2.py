"""Hidden checks for C4_W3A2, Image Segmentation with U-Net.

The blocks take Keras tensors: each case passes ``KerasInput`` markers of
fresh shapes (even sides drawn per run, channel counts distinct from the
filter counts so that every kernel has its own shape) and the grader wraps
what comes back in models (``as_model``: ``conv_block``'s pair becomes two
models, its next layer and its skip connection). Each is compared with ours
node by node (kinds, settings such as padding, strides, dropout rate and
initializer, which tensor each layer is applied to, output shapes), by its
parameter count, and by its outputs on random pictures once our weights are
copied in (inference mode, so dropout is off). ``conv_block`` is tried with
its defaults, with dropout and pooling, and with dropout and no pooling;
``upsampling_block`` with fresh sizes and with its default filters;
``unet_model`` with the course's defaults (8,640,471 parameters) and on a
fresh picture size, number of channels, filters and classes.
"""
from ..checking import Registry
from ..sandbox_child import KerasInput

checks = Registry()


def _pictures(t, shape, m=2):
    return t.rng.normal(size=(m,) + tuple(shape)).astype('float32')


def _side(t, low=2, high=7):
    return 2 * int(t.rng.integers(low, high))


def _block_case(t, shape, kwargs):
    tag = f'conv_block(Input({shape})' + ''.join(
        f', {k}={v}' for k, v in kwargs.items()) + ')'
    with t.case():
        got = t.call(KerasInput(shape), label=f'{tag} runs', **kwargs)
        pair = t.unpack(f'{tag} returns (next_layer, skip_connection)',
                        got, 2)
        ref = t.ref(KerasInput(shape), **kwargs)
        x = [_pictures(t, shape)]
        for k, part in enumerate(('next_layer', 'skip_connection')):
            t.model(f'{tag}: {part}', pair[k], ref[k], x,
                    calls=({'training': False},),
                    via=lambda f, k=k: f(KerasInput(shape), **kwargs)[k])


@checks('conv_block')
def conv_block(t):
    channels = int(t.rng.integers(2, 6))
    shape = (_side(t), _side(t), channels)
    _block_case(t, shape, {})
    filters = [int(v) for v in t.rng.choice(
        [v for v in range(3, 10) if v != channels], size=2, replace=False)]
    rates = [float(r) for r in t.rng.choice([0.15, 0.2, 0.25, 0.4], 2,
                                            replace=False)]
    _block_case(t, shape, {'n_filters': filters[0],
                           'dropout_prob': rates[0], 'max_pooling': True})
    _block_case(t, (_side(t), _side(t), channels),
                {'n_filters': filters[1], 'dropout_prob': rates[1],
                 'max_pooling': False})


def _up_case(t, h, w, c_up, c_skip, kwargs):
    args = (KerasInput((h, w, c_up)), KerasInput((2 * h, 2 * w, c_skip)))
    tag = (f'upsampling_block(Input({(h, w, c_up)}), '
           f'Input({(2 * h, 2 * w, c_skip)})' + ''.join(
               f', {k}={v}' for k, v in kwargs.items()) + ')')
    with t.case():
        got = t.call(*args, label=f'{tag} runs', **kwargs)
        t.model(tag, got, t.ref(*args, **kwargs),
                [_pictures(t, (h, w, c_up)),
                 _pictures(t, (2 * h, 2 * w, c_skip))],
                via=lambda f: f(*args, **kwargs))


@checks('upsampling_block')
def upsampling_block(t):
    c_up, c_skip, n = (int(v) for v in t.rng.choice(range(2, 10), 3,
                                                     replace=False))
    _up_case(t, _side(t, 1, 5), _side(t, 1, 5), c_up, c_skip,
             {'n_filters': n})
    _up_case(t, int(t.rng.integers(2, 5)), int(t.rng.integers(2, 5)),
             c_skip, c_up, {})


@checks('unet_model')
def unet_model(t):
    with t.case():
        got = t.call(label='unet_model() runs')
        t.model('unet_model() with its default arguments', got, t.ref(),
                [t.rng.uniform(size=(1, 96, 128, 3)).astype('float32')],
                calls=({'training': False},), via=lambda f: f())
    size = (16 * int(t.rng.integers(2, 4)), 16 * int(t.rng.integers(2, 5)),
            int(t.rng.choice([1, 2, 4])))
    n_filters = int(t.rng.integers(2, 5))
    n_classes = int(t.rng.choice([c for c in range(2, 10)
                                  if c not in (n_filters, size[2])]))
    kwargs = {'input_size': size, 'n_filters': n_filters,
              'n_classes': n_classes}
    tag = (f'unet_model(input_size={size}, n_filters={n_filters}, '
           f'n_classes={n_classes})')
    with t.case():
        got = t.call(label=f'{tag} runs', **kwargs)
        t.model(tag, got, t.ref(**kwargs),
                [t.rng.uniform(size=(2,) + size).astype('float32')],
                calls=({'training': False},), via=lambda f: f(**kwargs))
