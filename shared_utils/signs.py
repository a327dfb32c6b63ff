"""Procedural hand-sign pictures: a hand showing 0 to 5 fingers.

Each 64x64 RGB picture shows one right hand from the palm side, held up
with its forearm entering from the bottom edge. The label is the number of
raised fingers:

- 0: a fist (four knuckles, the thumb folded across the palm);
- 1: the index finger;
- 2: index and middle finger spread into a V;
- 3: index, middle and ring finger;
- 4: all four fingers, the thumb folded;
- 5: the open hand, the thumb out to the side.

A raised finger is a capsule (a rectangle with round ends) with a darker
outline; a folded finger is a short knuckle at the top of the palm. Every
picture varies the skin tone, the rotation, scale and position of the
hand, the spread of the fingers, a light pastel background with a lighting
gradient, the blur and the noise. How strongly position, angle and size
vary is set by one difficulty knob, `DIFFICULTY`, calibrated once so that
the course's small fully connected network (25-12-6, Adam 1e-4, 100
epochs, inputs scaled to [-0.5, 0.5]) is clearly better than chance but
imperfect: 0.93 train / 0.74 test accuracy on 600 fresh test pictures,
0.935 / 0.817 on the 120 test pictures of the data set (difficulty 2.0
gives 0.63 test accuracy; see benchmarks/calibrate_signs.py and
tests/course2/test_c2_w3a1.py).

Shapes are drawn with Pillow on a 4x supersampled canvas and averaged
down; blur, lighting and noise are added with numpy. All randomness comes
from numpy Generators: the same arguments give the same arrays (with the
same numpy and Pillow versions).
"""
import numpy as np
from PIL import Image, ImageDraw

from .catdata import _blur  # the same 64×64 Gaussian blur

SIZE = 64                        # side of a picture, in pixels
SUPER = 4                        # supersampling factor for anti-aliasing
CLASSES = 6                      # labels 0..5: number of raised fingers
DIFFICULTY = 1.75                # scales pose jitter; calibrated once
# Fingers index, middle, ring, little: base x on the palm, length, width.
_FINGERS = ((-5.4, 13.5, 3.7), (-1.8, 15.0, 3.8), (1.8, 13.8, 3.7),
            (5.2, 10.5, 3.3))
_RAISED = {0: (), 1: (0,), 2: (0, 1), 3: (0, 1, 2), 4: (0, 1, 2, 3),
           5: (0, 1, 2, 3)}
_SKIN = (np.array([0.98, 0.84, 0.74]), np.array([0.45, 0.29, 0.20]))
_T = np.linspace(0.0, 2.0 * np.pi, 32, endpoint=False)
_CIRCLE = np.stack([np.cos(_T), np.sin(_T)], axis=1)   # (32, 2)


class _Canvas:
    """Collect shapes in hand coordinates; draw them moved into place.

    Hand coordinates are pixels of the final picture with the palm's
    centre at (0, 0), x to the right and y pointing down.
    """

    def __init__(self, centre, scale, angle):
        self.rot = scale * np.array([[np.cos(angle), -np.sin(angle)],
                                     [np.sin(angle), np.cos(angle)]])
        self.centre = np.asarray(centre, dtype=float)
        self.shapes = []

    def _place(self, points):
        """Hand coordinates (k, 2) -> supersampled canvas pixels (k, 2)."""
        return (np.asarray(points, float) @ self.rot.T + self.centre) * SUPER

    def ellipse(self, x, y, rx, ry, colour):
        pts = np.stack([x + rx * _CIRCLE[:, 0], y + ry * _CIRCLE[:, 1]], 1)
        self.shapes.append(('poly', self._place(pts), colour))

    def capsule(self, p, q, width, colour):
        """A segment p-q of the given width with round ends."""
        p, q = np.asarray(p, float), np.asarray(q, float)
        n = np.array([p[1] - q[1], q[0] - p[0]])
        n *= 0.5 * width / max(np.hypot(*n), 1e-9)
        self.shapes.append(('poly', self._place([p + n, q + n, q - n, p - n]),
                            colour))
        for end in (p, q):
            self.ellipse(end[0], end[1], width / 2, width / 2, colour)

    def render(self, background):
        """Draw the shapes over a background image.

        The shapes go onto a black supersampled canvas together with a
        coverage mask; both are box-averaged down, then composited.

        Args:
        - background: floats in [0, 1], shape (SIZE, SIZE, 3)

        Returns:
        - image: floats in [0, 1], shape (SIZE, SIZE, 3)
        """
        n = SIZE * SUPER
        big = Image.new('RGB', (n, n))
        mask = Image.new('L', (n, n))
        draw, draw_mask = ImageDraw.Draw(big), ImageDraw.Draw(mask)
        for _, xy, colour in self.shapes:
            draw.polygon(xy.ravel().tolist(), fill=_rgb255(colour))
            draw_mask.polygon(xy.ravel().tolist(), fill=255)
        box = Image.Resampling.BOX
        fg = np.asarray(big.resize((SIZE, SIZE), box)) / 255.0
        alpha = np.asarray(mask.resize((SIZE, SIZE), box)) / 255.0
        return fg + (1.0 - alpha[:, :, None]) * background


def _rgb255(colour):
    """Return a colour in [0, 1]^3 as a tuple of three ints in 0..255."""
    c = np.clip(np.asarray(colour), 0, 1)
    return tuple((c * 255 + 0.5).astype(int).tolist())


def _outlined(cv, p, q, width, skin, line):
    """A finger: a capsule in the outline colour, then a thinner skin one."""
    cv.capsule(p, q, width + 1.0, line)
    cv.capsule(p, q, width, skin)


def _hand(cv, rng, label, skin):
    """Draw forearm, palm, fingers and thumb for `label` raised fingers."""
    line = skin * 0.62
    shade = skin * 0.88
    cv.capsule((0, 6), (rng.uniform(-2, 2), 40), 14.0, line)
    cv.capsule((0, 6), (rng.uniform(-2, 2), 40), 13.0, skin)
    spread = rng.uniform(0.03, 0.12)     # radians between fingers
    raised = _RAISED[label]
    if label == 5:                       # the thumb out to the side
        tip = (-15.5 + rng.uniform(-1.5, 1.5), -4 + rng.uniform(-2, 2))
        _outlined(cv, (-6.5, 5), tip, 4.2, skin, line)
    cv.ellipse(0, 0, 9.5, 10.0, line)
    cv.ellipse(0, 0, 9.0, 9.5, skin)
    for k, (x, length, width) in enumerate(_FINGERS):
        base = np.array([x, -7.0])
        if k in raised:
            a = (k - 1.5) * spread
            if label == 2:                # a V: index and middle apart
                a = (k - 0.5) * 0.32 + rng.uniform(-0.05, 0.05)
            length *= rng.uniform(0.92, 1.05)
            tip = base + length * np.array([np.sin(a), -np.cos(a)])
            _outlined(cv, base, tip, width, skin, line)
        else:                             # a knuckle on top of the palm
            _outlined(cv, base + (0, 0.5), base + (0, -2.0), width + 0.4,
                      shade, line)
    if label != 5:                        # the thumb folded over the palm
        _outlined(cv, (-7.5, 6), (-1.0 + rng.uniform(-1, 1),
                                  0.5 + rng.uniform(-1, 1)), 4.2, shade, line)


def _background(rng):
    """A light pastel colour with a linear lighting gradient (64, 64, 3)."""
    base = rng.uniform(0.72, 0.95) + rng.uniform(-0.12, 0.12, 3)
    t = np.arange(SIZE) / SIZE - 0.5
    a = rng.uniform(0, 2 * np.pi)
    ramp = np.cos(a) * t[None, :, None] + np.sin(a) * t[:, None, None]
    return np.clip(base + rng.uniform(0.0, 0.25) * ramp, 0, 1)


def render(label, rng, difficulty=DIFFICULTY):
    """Render one picture of a hand showing `label` fingers.

    Args:
    - label: int in 0..5, the number of raised fingers
    - rng: numpy Generator that supplies all randomness
    - difficulty: >= 0, scales how far position, angle and size vary

    Returns:
    - image: uint8 array of shape (SIZE, SIZE, 3)
    """
    d = difficulty
    skin = _SKIN[0] + rng.uniform(0, 1) * (_SKIN[1] - _SKIN[0])
    skin = np.clip(skin * rng.uniform(0.95, 1.05, 3), 0, 1)
    centre = np.array([SIZE / 2, SIZE * 0.56]) + d * rng.uniform(-4, 4, 2)
    angle = np.deg2rad(12.0) * d * rng.uniform(-1, 1)
    scale = 1.45 * (1 + 0.1 * d * rng.uniform(-1, 1))
    cv = _Canvas(centre, scale, angle)
    _hand(cv, rng, int(label), skin)
    img = cv.render(_background(rng))
    img = _blur(img, rng.uniform(0.0, 0.8))
    img = img * rng.uniform(0.92, 1.08)
    img = img + rng.normal(0, rng.uniform(2, 6) / 255, img.shape)
    return np.round(np.clip(img, 0, 1) * 255).astype(np.uint8)


def make_split(n, seed, difficulty=DIFFICULTY):
    """Render a labelled set of hand signs, classes as balanced as possible.

    Picture i depends only on (seed, i) and its label.

    Args:
    - n: number of pictures
    - seed: integer seed of the whole split
    - difficulty: see `render`

    Returns:
    - x: uint8 array of shape (n, SIZE, SIZE, 3)
    - y: int64 array of shape (n,), labels in 0..5
    """
    rng = np.random.default_rng(seed)
    y = rng.permutation(np.arange(n) % CLASSES).astype(np.int64)
    x = np.empty((n, SIZE, SIZE, 3), dtype=np.uint8)
    for i in range(n):
        x[i] = render(y[i], np.random.default_rng([seed, i]), difficulty)
    return x, y


# ------------------------------------------------------------ the data set
# (The loader goes through the asset registry, which imports data.py;
# data.py imports this module at its end, so the import is made when
# called.)

SIGNS_CLASSES = np.arange(CLASSES, dtype=np.int64)   # [0 1 2 3 4 5]
# n, seed of each split.
SIGNS_SPLITS = {'train': (1080, 11), 'test': (120, 23)}
_SIGNS_SHA256 = {
    'train_set_x':
        '50c00f2ef19ac4fb3059e335a32c28c8e52adb8f0528ff9de882bfc3af6cc7f8',
    'train_set_y':
        '2b8195118d64f0937bbe856b5ee486b10a1419392358b1edab8a54f50a017d84',
    'test_set_x':
        'd4dac90e97a4956b816021e2f696a8492b3ad537d0991b4a56556be21aad5e02',
    'test_set_y':
        'f90fcf0e6cc3c130f47c76e1cf62dc9589a9be679c251ade04f768efe9aac905',
    'list_classes':
        '70bcd51f176e1e5a9ca43b3dadd32da51335d3cb3b32f9f5b5e44a14f4debf0c',
}


def make_signs_file(name):
    """Generate the arrays of one hand-sign file (the asset's maker).

    Args:
    - name: 'train_signs.h5' or 'test_signs.h5'

    Returns:
    - arrays: {'<split>_set_x': uint8 (n, 64, 64, 3), '<split>_set_y':
      int64 (n,), 'list_classes': SIGNS_CLASSES}
    """
    split = name.split('_')[0]
    n, seed = SIGNS_SPLITS[split]
    x, y = make_split(n, seed)
    return {f'{split}_set_x': x, f'{split}_set_y': y,
            'list_classes': SIGNS_CLASSES}


def _signs_split(split):
    """Return (path, verified arrays) of one split, building it if missing
    (through the asset registry, shared_utils/assets.py)."""
    from . import assets
    return assets.cached_h5('signs', f'{split}_signs.h5')


def signs_paths():
    """Return the paths of the hand-sign HDF5 files, building them.

    The files hold the keys train_set_x, train_set_y, list_classes and
    test_set_x, test_set_y, list_classes, as the course's SIGNS files do.

    Returns:
    - train_path: pathlib.Path of train_signs.h5
    - test_path: pathlib.Path of test_signs.h5
    """
    return _signs_split('train')[0], _signs_split('test')[0]


def load_signs():
    """Load the hand-sign pictures, labels 0..5 (see shared_utils.signs).

    Returns:
    - train_x_orig: uint8 array (1080, 64, 64, 3)
    - train_y: int64 array (1, 1080), the number of raised fingers
    - test_x_orig: uint8 array (120, 64, 64, 3)
    - test_y: int64 array (1, 120)
    - classes: int64 array (6,): [0, 1, 2, 3, 4, 5]
    """
    train, test = _signs_split('train')[1], _signs_split('test')[1]
    return (train['train_set_x'], train['train_set_y'].reshape(1, -1),
            test['test_set_x'], test['test_set_y'].reshape(1, -1),
            test['list_classes'])
