"""A synthetic 20-class "mini-ImageNet" with no alpacas in it.

The source task the project's MobileNetV2 is pre-trained on before the
transfer-learning assignment (C4_W2A2) reuses it for alpacas. It mixes the
project's picture makers so the network learns general features: fur and
wool, legs and necks, faces, shapes, text and textures.

- six animals in a field (``menagerie``): sheep, horse, giraffe, cow, dog,
  goat; never an alpaca;
- cat faces, dog faces, houses, cars and flowers (the drawers of
  ``catdata``, redrawn at this size);
- a field without animals, a tree close up, a bird and a fish;
- a portrait (``portraits``) and a hand (the drawer of ``signs``);
- a digit and a capital letter in Pillow's built-in font; a texture.

Picture i of a split depends only on (seed, i) and its class.
"""
import string

import numpy as np

from . import catdata, menagerie
from .menagerie import Canvas, finish, mix

CLASSES = ('sheep', 'horse', 'giraffe', 'cow', 'dog', 'goat', 'cat face',
           'dog face', 'house', 'car', 'flower', 'field', 'tree', 'bird',
           'fish', 'portrait', 'hand', 'digit', 'letter', 'texture')


def _plain(rng, size, light):
    """A flat backdrop with a lighting gradient."""
    base = catdata._colour(rng, light, 0.2)
    t = np.arange(size) / size - 0.5
    a = rng.uniform(0, 2 * np.pi)
    ramp = np.cos(a) * t[None, :, None] + np.sin(a) * t[:, None, None]
    return np.clip(base + rng.uniform(0, 0.2) * ramp, 0, 1)


def _catdata_kind(kind, rng, size):
    """A catdata subject (cat face, dog face, house, car, flower)."""
    light = rng.random() < 0.5
    warm = 0.9 if kind in ('cat', 'dog') else 0.0
    fur = catdata._colour(rng, not light, warm=warm)
    det = catdata._colour(rng, light)
    cv = Canvas(size, 32 + rng.uniform(-5, 5, 2), rng.uniform(1.0, 1.3),
                np.deg2rad(10.0) * rng.uniform(-1, 1))
    for _ in range(int(rng.integers(0, 5))):
        cv.ellipse(*rng.uniform(-40, 40, 2), *rng.uniform(4, 14, 2),
                   catdata._colour(rng, light), rng.uniform(0, np.pi))
    catdata._DRAW[kind](cv, rng, fur, det, 0.9)
    return cv.render(_plain(rng, size, light))


def _bird(cv, rng):
    body = mix(rng.uniform(0, 1, 3), (0.5, 0.5, 0.5), 0.3)
    wing = mix(body, (0, 0, 0), 0.35)
    cv.line((-12, 12), (12, 12), 2.0, (0.35, 0.25, 0.15))     # a branch
    cv.poly([(-9, -1), (-17, -4), (-16, 3)], wing)           # tail
    cv.ellipse(0, 2, 9, 6, body, -0.2)
    cv.ellipse(8, -4, 4.5, 4.5, body)
    cv.poly([(12, -5), (17, -3.5), (12, -2.5)], (0.9, 0.65, 0.1))
    cv.ellipse(9.5, -5, 0.9, 0.9, (0.05, 0.05, 0.05))
    cv.ellipse(-1, 1, 6, 3.5, wing, -0.3)
    for x in (-1, 2):
        cv.line((x, 7), (x, 12), 0.8, (0.3, 0.2, 0.1))


def _fish(cv, rng):
    body = rng.uniform(0.2, 1, 3)
    fin = mix(body, (0, 0, 0), 0.3)
    cv.poly([(-10, 0), (-19, -7), (-19, 7)], fin)
    cv.poly([(-3, -5), (3, -11), (6, -5)], fin)
    cv.ellipse(0, 0, 12, 6.5, body)
    for x in (-4, 0, 4):
        cv.line((x, -5), (x + 1, 5), 1.0, mix(body, (1, 1, 1), 0.3))
    cv.ellipse(7, -1.5, 1.5, 1.5, (1, 1, 1))
    cv.ellipse(7.3, -1.5, 0.8, 0.8, (0, 0, 0))
    for _ in range(3):
        r = rng.uniform(0.8, 1.6)
        cv.ellipse(*rng.uniform([10, -25], [25, -8]), r, r, (0.8, 0.9, 1))


def _glyph(text, rng, size):
    from PIL import Image, ImageDraw, ImageFont
    light = rng.random() < 0.5
    bg = _plain(rng, size, light)
    img = Image.fromarray(np.round(bg * 255).astype(np.uint8))
    font = ImageFont.load_default(size=int(size * rng.uniform(0.5, 0.8)))
    ink = catdata._rgb255(catdata._colour(rng, not light))
    layer = Image.new('L', (size, size))
    ImageDraw.Draw(layer).text((size / 2, size / 2), text, fill=255,
                               font=font, anchor='mm')
    layer = layer.rotate(rng.uniform(-20, 20), translate=tuple(
        rng.uniform(-0.1, 0.1, 2) * size), resample=Image.Resampling.BILINEAR)
    img.paste(Image.new('RGB', (size, size), ink), mask=layer)
    return np.asarray(img) / 255.0


def _texture(rng, size):
    y, x = np.mgrid[0:size, 0:size] / size
    a, f = rng.uniform(0, np.pi), rng.uniform(4, 12)
    u = np.cos(a) * x + np.sin(a) * y
    v = -np.sin(a) * x + np.cos(a) * y
    pattern = [np.sin(2 * np.pi * f * u),
               np.sign(np.sin(2 * np.pi * f * u) * np.sin(2 * np.pi * f * v)),
               np.cos(2 * np.pi * f * np.hypot(x - rng.uniform(),
                                               y - rng.uniform()))]
    p = (pattern[int(rng.integers(3))] + 1) / 2
    c0, c1 = rng.uniform(0, 1, 3), rng.uniform(0, 1, 3)
    return mix(c0, c1, p[:, :, None])


def render(label, rng, size=96):
    """Render one picture of class `label` (an index into CLASSES).

    Returns:
    - image: uint8 array of shape (size, size, 3)
    """
    name = CLASSES[label]
    if label < 6 or name == 'field':
        return menagerie.render('field' if name == 'field' else name, rng,
                                size)
    if name == 'portrait':
        from . import portraits
        person = portraits.random_identity(rng)
        img = portraits.render(person, rng, size=size)
        return finish(img / 255.0, rng)
    if name in ('digit', 'letter'):
        chars = string.digits if name == 'digit' else string.ascii_uppercase
        return finish(_glyph(str(rng.choice(list(chars))), rng, size), rng,
                      flip=False)
    if name == 'texture':
        return finish(_texture(rng, size), rng)
    if name == 'tree':
        bg = menagerie.field(rng, size, rng.uniform(0.55, 0.8))
        cv = Canvas(size, (32 + rng.uniform(-6, 6), 32))
        menagerie._tree(cv, rng, 0, rng.uniform(14, 22), rng.uniform(30, 40))
        return finish(cv.render(bg), rng)
    if name == 'hand':
        from . import signs
        skin = mix(signs._SKIN[0], signs._SKIN[1], rng.uniform())
        cv = Canvas(size, (32 + rng.uniform(-4, 4), 36 + rng.uniform(-3, 3)),
                    rng.uniform(1.2, 1.6), np.deg2rad(rng.uniform(-25, 25)))
        signs._hand(cv, rng, int(rng.integers(6)), skin)
        return finish(cv.render(_plain(rng, size, True)), rng)
    if name in ('bird', 'fish'):
        light = rng.random() < 0.5
        cv = Canvas(size, 32 + rng.uniform(-5, 5, 2), rng.uniform(1.1, 1.5),
                    np.deg2rad(rng.uniform(-15, 15)))
        (_bird if name == 'bird' else _fish)(cv, rng)
        bg = _plain(rng, size, light)
        if name == 'fish':
            bg = mix(bg, (0.1, 0.35, 0.6), 0.6)
        return finish(cv.render(bg), rng)
    kind = {'cat face': 'cat', 'dog face': 'dog'}.get(name, name)
    return finish(_catdata_kind(kind, rng, size), rng)


def make_split(n, seed, size=96):
    """Render `n` labelled pictures, the classes as balanced as possible.

    Returns:
    - x: uint8 array (n, size, size, 3)
    - y: int64 array (n,), labels in 0..19
    """
    rng = np.random.default_rng(seed)
    y = rng.permutation(np.arange(n) % len(CLASSES)).astype(np.int64)
    x = np.empty((n, size, size, 3), dtype=np.uint8)
    for i in range(n):
        x[i] = render(int(y[i]), np.random.default_rng([seed, i]), size)
    return x, y


def sample():
    """40 pictures (two per class) for the catalogue's digest check."""
    return make_split(40, seed=20)
