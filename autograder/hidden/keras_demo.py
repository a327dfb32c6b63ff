"""Hidden checks for the Keras-grading demo (a model builder and a layer
subclass): architecture, parameter counts, and outputs on fresh inputs with
our weights copied in; dropout judged by statistics, never by one draw."""
import numpy as np

from ..checking import Registry

checks = Registry()


@checks('tiny_convnet')
def tiny_convnet(t):
    for _ in range(2):
        shape = (int(t.rng.integers(6, 13)), int(t.rng.integers(6, 13)),
                 int(t.rng.choice([1, 3])))
        with t.case():
            got = t.call(shape, label=f'tiny_convnet({shape}) runs')
            x = t.rng.normal(size=(3,) + shape).astype('float32')
            t.model(f'input {shape}', got, t.ref(shape), [x],
                    calls=({'training': False}, {'training': True}),
                    via=lambda f, s=shape: f(s))


def _zero_share(out):
    """Share of exact zeros inside output vectors that are not all zero
    (dropout after the norm zeroes single entries)."""
    out = np.asarray(out)
    vectors = out.reshape(-1, out.shape[-1])
    alive = vectors[np.any(vectors != 0.0, axis=1)]
    return float(np.mean(alive == 0.0)) if alive.size else 0.0


@checks('ResidualDense')
def residual_dense(t):
    dim, hidden = int(t.rng.integers(3, 9)), int(t.rng.integers(4, 17))
    rate = float(t.rng.choice([0.2, 0.3, 0.4]))
    args = (dim, hidden, rate)
    with t.case():
        got = t.call(*args, label=f'ResidualDense{args} runs')
        expected = t.ref(*args)
        x = t.rng.normal(size=(2, int(t.rng.integers(2, 6)), dim)) \
            .astype('float32')
        t.model(f'ResidualDense{args}', got, expected, [x],
                calls=({'training': False}, {}),
                via=lambda f: f(*args))
        # dropout: active only with training=True, on the inner units
        # (so the normalised output itself has no dropped zeros)
        big = t.rng.normal(size=(64, 8, dim)).astype('float32')
        train = t.run_model(got, [big], {'training': True})
        still = t.run_model(got, [big], {'training': False})
        ours = t.run_model(expected, [big], {'training': True}, ours=True)
        t.check('dropout is active when training=True',
                not np.allclose(train, still),
                'the output with training=True equals the one with '
                'training=False — pass training=training to the Dropout')
        t.check('dropout is inactive when training=False',
                np.allclose(still, t.run_model(got, [big],
                                               {'training': False})),
                'two calls with training=False differ — dropout must be '
                'off outside training (training=training, not True)')
        t.check('dropout acts on the inner units, not on the output',
                abs(_zero_share(train) - _zero_share(ours)) < 0.05,
                f'{_zero_share(train):.0%} of the outputs are exactly 0 '
                f'(ours: {_zero_share(ours):.0%}) — apply dropout to the '
                'inner ReLU activations, before the output Dense')
