"""Hidden checks for C4_W2A2, Transfer Learning with MobileNetV2.

- ``data_augmenter``: the two layers and their settings (a factor of 0.2
  and of (-0.2, 0.2) are one setting), then behaviour on a picture with
  two marks in different channels: with training=False it is unchanged;
  with training=True, over 128 copies, the marks never go upside down, turn
  by up to about +-72 degrees and are mirrored left-right about half the
  time.
- ``alpaca_model``: fresh picture sizes and an augmentation made in each
  process from a config (so a model that ignores the argument differs);
  the graph (scaling, frozen base, pooling, dropout, one linear unit),
  parameter counts, and outputs with our weights.
- ``prepare_fine_tuning``: models shaped like the notebook's, rebuilt in
  each process from a config (a MobileNetV2 base at a fresh size, and a
  13-layer base), a fresh ``fine_tune_at`` chosen where both neighbouring
  layers hold weights (so an off-by-one shows) and a fresh learning rate;
  which layers train, and the loss, optimizer and metrics compiled.

The call keywords of the base (``training=False``) are not part of the
model summary the platform compares, and while the base is frozen Keras 3
keeps its batch norms in inference mode anyway, so that one setting is
left to the public check.
"""
import numpy as np

from ..checking import Registry
from ..sandbox_child import KerasMake, KerasSummary

checks = Registry()
SIZES = (32, 48, 64, 80)
_FIXTURES = {}


def _serialized(key, build):
    if key not in _FIXTURES:
        import keras
        _FIXTURES[key] = keras.saving.serialize_keras_object(build())
    return _FIXTURES[key]


def _made(key, build):
    """A marker: the object rebuilt from its config on each side."""
    return KerasMake('layers', 'deserialize', config=_serialized(key, build))


def _layer_rows(summary):
    """(class, config) of each layer of an augmentation summary."""
    if summary.get('kind') == 'graph':
        return [(n['class'], n['config']) for n in summary['nodes']]
    return [(s['class'], s['config']) for s in summary.get('sublayers', [])]


def _marks(size=48):
    """A dark picture with a red mark straight above the centre and a
    green one up and to the right (both inside the inscribed circle)."""
    y, x = np.mgrid[0:size, 0:size].astype(np.float32)
    c, r = (size - 1) / 2, 0.3 * size
    img = np.zeros((size, size, 3), np.float32)
    for channel, angle in ((0, -90.0), (1, -45.0)):
        a = np.deg2rad(angle)
        cx, cy = c + r * np.cos(a), c + r * np.sin(a)
        img[:, :, channel] = 255 * np.exp(-((x - cx) ** 2 + (y - cy) ** 2)
                                          / (2 * 2.0 ** 2))
    return img


def _angles(batch):
    """Angle (degrees, 0 = straight up, clockwise positive) of each mark's
    centroid inside the inscribed circle: (red, green) per picture."""
    size = batch.shape[1]
    y, x = np.mgrid[0:size, 0:size].astype(np.float64)
    c = (size - 1) / 2
    inside = (x - c) ** 2 + (y - c) ** 2 < (0.46 * size) ** 2
    out = []
    for img in np.asarray(batch, np.float64):
        row = []
        for channel in (0, 1):
            w = np.clip(img[:, :, channel], 0, None) * inside
            w = w / max(w.sum(), 1e-9)
            mx, my = (w * x).sum() - c, (w * y).sum() - c
            row.append(np.degrees(np.arctan2(mx, -my)))
        out.append(row)
    return np.array(out)


@checks('data_augmenter')
def data_augmenter(t):
    with t.case():
        got = t.call(label='data_augmenter() runs')
        expected = t.ref()
        t.require('returns a Keras Sequential', isinstance(got, KerasSummary)
                  and got.summary['class'] == 'Sequential',
                  f'expected a tf.keras.Sequential, got {got!r} — return '
                  'the Sequential model itself')
        rows = _layer_rows(got.summary)
        classes = [cls for cls, _ in rows]
        t.check('two layers: RandomFlip and RandomRotation',
                sorted(classes) == ['RandomFlip', 'RandomRotation'],
                f'found {classes or "no layers"} — add a RandomFlip and a '
                'RandomRotation, nothing else')
        configs = dict(rows)
        mode = configs.get('RandomFlip', {}).get('mode')
        t.check('RandomFlip mirrors left-right', mode == 'horizontal',
                f"mode is {mode!r}, expected 'horizontal' — "
                + ("'vertical' turns pictures upside down"
                   if mode and 'vertical' in mode else 'pass "horizontal"'))
        factor = configs.get('RandomRotation', {}).get('factor')
        t.check('RandomRotation turns by up to 0.2 of a full turn',
                factor is not None and np.allclose(factor, [-0.2, 0.2]),
                f'factor is {factor}, expected 0.2 (the same as '
                '(-0.2, 0.2)) — RandomRotation(0.2)')
        x = np.stack([_marks()] * 128)
        t.model('data_augmenter()', got, expected, [x[:4]],
                calls=({'training': False},), via=lambda f: f())
        out = np.asarray(t.run_model(got, [x], {'training': True}))
        t.require('training=True: one picture out per picture in',
                  out.shape == x.shape, f'got shape {out.shape}, expected '
                  f'{x.shape}')
        angles = _angles(out)
        red, green = angles[:, 0], angles[:, 1]
        t.check('training=True: the pictures change',
                not np.allclose(out, x), 'the output equals the input — '
                'the layers must be random flips and rotations')
        t.check('never upside down (rotations up to 72 degrees, no '
                'vertical flip)', np.all(np.abs(red) < 80),
                f'a mark straight above the centre ended up '
                f'{np.abs(red).max():.0f} degrees away — a vertical flip, '
                'or a rotation factor above 0.2')
        t.check('rotations reach about 72 degrees', np.abs(red).max() > 50,
                f'the largest turn seen in 128 pictures was '
                f'{np.abs(red).max():.0f} degrees — RandomRotation(0.2) '
                'turns by up to 0.2 x 360 = 72 degrees')
        spread = ((green - red + 180) % 360) - 180
        mirrored = float(np.mean(spread < 0))
        t.check('about half the pictures mirrored left-right',
                0.25 < mirrored < 0.75, f'{mirrored:.0%} of the pictures '
                'were mirrored — RandomFlip("horizontal") mirrors each one '
                'with probability 1/2')


def _augmentation(kind):
    import keras
    layers = {'flip': [keras.layers.RandomFlip('horizontal')],
              'both': [keras.layers.RandomFlip('horizontal'),
                       keras.layers.RandomRotation(0.1)]}[kind]
    return keras.Sequential(layers)


@checks('alpaca_model')
def alpaca_model(t):
    for kind in ('flip', 'both'):
        shape = (int(t.rng.choice(SIZES)), int(t.rng.choice(SIZES)))
        aug = _made(('aug', kind), lambda k=kind: _augmentation(k))
        label = f'alpaca_model({shape}, <augmentation>)'
        with t.case():
            got = t.call(shape, aug, label=f'{label} runs')
            expected = t.ref(shape, aug)
            x = t.rng.uniform(0, 255, (3,) + shape + (3,)).astype(np.float32)
            summary = t.model(label, got, expected, [x],
                              calls=({'training': False},),
                              via=lambda f, s=shape, a=aug: f(s, a))
            nodes = summary.get('nodes', [])
            aug_nodes = [n for n in nodes
                         if n['config'].get('class') == 'Sequential']
            want = 1 if kind == 'flip' else 2
            t.check(f'{label}: uses the augmentation passed in',
                    len(aug_nodes) == 1 and
                    aug_nodes[0]['config'].get('layers') == want,
                    'the model does not apply the data_augmentation '
                    'argument — call data_augmentation(inputs), not a new '
                    'data_augmenter()')
            out = t.run_model(got, [x], {'training': False})
            t.check(f'{label}: one logit per picture',
                    np.shape(out) == (3, 1), f'output shape '
                    f'{np.shape(out)}, expected (3, 1)')


def _fine_cases(t):
    """(key, build, fine_tune_at, learning rate, input shape) x 2."""
    from shared_utils.transfer_utils import fine_tune_fixture
    size = int(t.rng.choice((32, 40, 48)))
    big = ('fine', size, False)
    small = ('fine', 24, True)
    cases = []
    for key, shape, lo, hi in ((big, (size, size), 60, 150),
                               (small, (24, 24), 2, 11)):
        model = fine_tune_fixture(shape, small=key[2])
        base = model.get_layer('mobilenetv2_base')
        has = [bool(layer.weights) for layer in base.layers]
        options = [k for k in range(lo, hi) if has[k - 1] and has[k]]
        at = int(t.rng.choice(options))
        lr = float(t.rng.choice([0.0005, 0.001, 0.002, 0.003]))
        cases.append((key, lambda s=shape, m=key[2]: fine_tune_fixture(
            s, small=m), at, lr, shape))
    return cases


@checks('prepare_fine_tuning')
def prepare_fine_tuning(t):
    for key, build, at, lr, shape in _fine_cases(t):
        model = _made(key, build)
        label = f'prepare_fine_tuning(<model>, {at}, {lr:g})'
        with t.case():
            got = t.call(model, at, lr, label=f'{label} runs')
            expected = t.ref(model, at, lr)
            t.require(f'{label}: returns the model', isinstance(
                got, KerasSummary), f'expected the compiled model, got '
                f'{got!r} — return model')
            comp = got.summary.get('compile') or {}
            ours = expected.summary['compile']
            t.require(f'{label}: the model is compiled', bool(comp),
                      'call model.compile(...) (given) after setting '
                      'loss_function, optimizer and metrics')
            loss = comp.get('loss') or {}
            t.check(f'{label}: loss', loss == ours['loss'],
                    f'got {loss}, expected BinaryCrossentropy with '
                    'from_logits=True (the model outputs logits)')
            opt = comp.get('optimizer') or {}
            rate = (opt.get('config') or {}).get('learning_rate')
            t.check(f'{label}: optimizer', opt.get('class') == 'Adam' and
                    rate is not None and np.isclose(rate, 0.1 * lr),
                    f'got {opt.get("class")} with learning rate {rate}, '
                    f'expected Adam with 0.1 * base_learning_rate = '
                    f'{0.1 * lr:g}')
            t.check(f'{label}: metrics', comp.get('metrics') ==
                    ours['metrics'], f'got {comp.get("metrics")}, expected '
                    "['accuracy']")
            x = t.rng.uniform(0, 255, (2,) + shape + (3,)).astype(np.float32)
            t.model(label, got, expected, [x], calls=({'training': False},),
                    via=lambda f, m=model, a=at, r=lr: f(m, a, r))
