"""Procedural cartoon cat / non-cat pictures for the image-classifier labs.

Each 64x64 RGB picture has one subject near the centre: a cat head (label
1) or a non-cat (label 0): a dog face with floppy ears (the hard
negative), a house, a car, a flower or a landscape.

The key design choice is contrast polarity: the background is dark or
light, the subject takes the opposite tone and its details (eyes, noses,
windows) the background's side again. A linear template that fits bright
cats on dark ground scores dark cats on light ground the wrong way round,
while hidden ReLU units can keep one template per polarity. A linear model
can only use a colour cue that holds in both polarities (warm fur on cats
and dogs, green or amber eyes and pink ears on cats). Its strength `cue`
is the one difficulty knob, set so that logistic regression reaches about
70 % on test pictures and a 4-layer network clearly more (see
benchmarks/calibrate_catdata.py).

Polygons are drawn with Pillow on a 4x supersampled canvas, then averaged
down, blurred, brightened and made noisy with numpy. All randomness comes
from numpy Generators: the same arguments give the same arrays (with the
same numpy and Pillow versions).
"""
import numpy as np
from PIL import Image, ImageDraw

SIZE = 64                        # side of a picture, in pixels
SUPER = 4                        # supersampling factor for anti-aliasing
NON_CATS = ('dog', 'house', 'car', 'flower', 'landscape')
NON_CAT_P = (0.4, 0.15, 0.15, 0.15, 0.15)
CLUTTER = 6                      # most background blobs per picture
CUE = 0.9                        # default strength of the colour cue
_EYES = ([0.45, 0.8, 0.2], [0.9, 0.65, 0.1])   # green, amber
_T = np.linspace(0.0, 2.0 * np.pi, 40, endpoint=False)
_CIRCLE = np.stack([np.cos(_T), np.sin(_T)], axis=1)


def _colour(rng, light, sat=0.25, warm=0.0):
    """Return a random RGB colour (3,) on the light or the dark side.

    `sat` bounds each channel's offset from the grey value; `warm` in
    [0, 1] moves the offsets from a random hue towards a warm fur tint.
    """
    lo, hi = (0.68, 0.96) if light else (0.04, 0.32)
    hue = (1 - warm) * rng.uniform(-1, 1, 3) + warm * np.array([1, 0, -1])
    return np.clip(rng.uniform(lo, hi) + sat * hue, 0, 1)


def _mix(a, b, t):
    """Return the colour a fraction `t` of the way from `a` to `b`."""
    return (1.0 - t) * np.asarray(a) + t * np.asarray(b)


class _Canvas:
    """Collect polygons in subject coordinates; draw them moved into place.

    Subject coordinates are pixels of the final picture, with the subject's
    centre at (0, 0) and y pointing down.
    """

    def __init__(self, centre, scale, angle):
        self.c, self.s = scale * np.cos(angle), scale * np.sin(angle)
        self.centre = centre
        self.layers = []

    def poly(self, points, colour):
        self.layers.append((np.asarray(points, dtype=float), colour))

    def ellipse(self, x, y, rx, ry, colour, tilt=0.0):
        c, s = np.cos(tilt), np.sin(tilt)
        px, py = rx * _CIRCLE[:, 0], ry * _CIRCLE[:, 1]
        self.poly(np.stack([x + c * px - s * py, y + s * px + c * py], 1),
                  colour)

    def rect(self, x0, y0, x1, y1, colour):
        self.poly([(x0, y0), (x1, y0), (x1, y1), (x0, y1)], colour)

    def line(self, p, q, width, colour):
        p, q = np.asarray(p, dtype=float), np.asarray(q, dtype=float)
        n = np.array([p[1] - q[1], q[0] - p[0]])
        n *= 0.5 * width / np.hypot(*n)
        self.poly([p + n, q + n, q - n, p - n], colour)

    def render(self, background):
        """Draw the layers over a background colour (3,) in [0, 1].

        Returns:
        - image: floats in [0, 1], shape (SIZE, SIZE, 3)
        """
        n = SIZE * SUPER
        big = Image.new('RGB', (n, n), _rgb255(background))
        draw = ImageDraw.Draw(big)
        for pts, colour in self.layers:
            x = self.c * pts[:, 0] - self.s * pts[:, 1] + self.centre[0]
            y = self.s * pts[:, 0] + self.c * pts[:, 1] + self.centre[1]
            xy = np.stack([x, y], axis=1) * SUPER
            draw.polygon(xy.ravel().tolist(), fill=_rgb255(colour))
        a = np.asarray(big).astype(np.uint16)
        a = a.reshape(SIZE, SUPER, n, 3).sum(axis=1)
        a = a.reshape(SIZE, SIZE, SUPER, 3).sum(axis=2)
        return a / (255.0 * SUPER * SUPER)


def _rgb255(colour):
    """Return a colour in [0, 1]^3 as a tuple of three ints in 0..255."""
    return tuple((np.asarray(colour) * 255 + 0.5).astype(int).tolist())


def _body(cv, rng, fur):
    """Shoulders below a head, half out of the frame (drawn first)."""
    cv.ellipse(rng.uniform(-3, 3), 23, rng.uniform(16, 22), 12, fur)


def _cat(cv, rng, fur, det, cue):
    """Cat head: pointed ears with inner colour, slit pupils, whiskers."""
    hx = rng.uniform(12.5, 15.5)
    hy = hx * rng.uniform(0.82, 0.95)
    if rng.random() < 0.4:
        _body(cv, rng, _mix(fur, det, 0.15))
    inner = _mix(det, [0.95, 0.55, 0.65], cue)
    ears = []
    for s in (-1, 1):
        tip = (s * hx * rng.uniform(0.6, 0.85), -hy * rng.uniform(1.4, 1.65))
        ear = np.array([(s * hx * 0.12, -hy * 0.85), tip,
                        (s * hx * 0.95, -hy * 0.2)])
        cv.poly(ear, fur)
        ears.append(ear)
    cv.ellipse(0, 0, hx, hy, fur)
    for ear in ears:
        mid = ear.mean(axis=0)
        cv.poly(mid + 0.55 * (ear - mid) + (0, -1.0), inner)
    if rng.random() < 0.5:
        stripe = _mix(fur, det, 0.35)
        for k in (-1, 0, 1):
            x = k * hx * 0.22
            cv.poly([(x - 1.3, -hy * 0.97), (x + 1.3, -hy * 0.97),
                     (x, -hy * 0.55)], stripe)
    eye = _mix(det, _EYES[int(rng.integers(2))], cue)
    for s in (-1, 1):
        x = s * hx * 0.4
        cv.ellipse(x, -hy * 0.08, hx * 0.2, hx * 0.14, eye,
                   tilt=-s * 0.25)
        cv.ellipse(x, -hy * 0.08, hx * 0.045, hx * 0.13, fur)
    cv.poly([(-hx * 0.12, hy * 0.22), (hx * 0.12, hy * 0.22),
             (0, hy * 0.36)], inner)
    for s in (-1, 1):
        cv.line((0, hy * 0.36), (s * hx * 0.15, hy * 0.52), 0.7, det)
        for k in (-1, 0, 1):
            cv.line((s * hx * 0.25, hy * (0.35 + 0.06 * k)),
                    (s * hx * 1.4, hy * (0.25 + 0.22 * k)), 0.7, det)


def _dog(cv, rng, fur, det, cue):
    """Dog face: long muzzle, big round nose and floppy hanging ears."""
    hx = rng.uniform(11.5, 14.5)
    hy = hx * rng.uniform(1.0, 1.15)
    if rng.random() < 0.4:
        _body(cv, rng, _mix(fur, det, 0.15))
    cv.ellipse(0, 0, hx, hy, fur)
    ear = _mix(fur, det, rng.uniform(0.1, 0.4))
    for s in (-1, 1):
        cv.ellipse(s * hx * 0.95, hy * 0.05, hx * 0.35, hy * 0.8, ear,
                   tilt=s * rng.uniform(0.1, 0.35))
    cv.ellipse(0, hy * 0.45, hx * 0.48, hy * 0.33, _mix(fur, det, 0.2))
    cv.ellipse(0, hy * 0.28, hx * 0.2, hx * 0.13, det)
    if rng.random() < 0.4:
        cv.ellipse(0, hy * 0.8, hx * 0.14, hy * 0.14,
                   _mix(det, [0.9, 0.4, 0.5], 0.3))
    for s in (-1, 1):
        cv.ellipse(s * hx * 0.38, -hy * 0.15, hx * 0.13, hx * 0.13, det)
        cv.ellipse(s * hx * 0.38, -hy * 0.15, hx * 0.05, hx * 0.05, fur)


def _house(cv, rng, fur, det, cue):
    """House: walls, a roof of another shade, a door and two windows."""
    w, h = rng.uniform(24, 32), rng.uniform(16, 22)
    top = -h / 2 + 4
    roof = _mix(fur, det, rng.uniform(0.0, 0.3))
    if rng.random() < 0.5:
        cv.rect(w / 4, top - 9, w / 4 + 4, top, roof)
    cv.rect(-w / 2, top, w / 2, top + h, fur)
    cv.poly([(-w / 2 - 3, top), (0, top - rng.uniform(10, 15)),
             (w / 2 + 3, top)], roof)
    cv.rect(-3, top + h - 9, 3, top + h, det)
    for s in (-1, 1):
        cv.rect(s * w * 0.3 - 3, top + 3, s * w * 0.3 + 3, top + 8, det)


def _car(cv, rng, fur, det, cue):
    """Side view of a car: body, cabin with windows, two wheels."""
    half = rng.uniform(18, 24)
    cab = rng.uniform(0.4, 0.6) * half
    cv.poly([(-cab - 4, -2), (-cab, -10), (cab, -10), (cab + 6, -2)], fur)
    cv.rect(-half, -3, half, 6, fur)
    for x0, x1 in ((-cab - 2, -1), (1, cab + 3)):
        cv.poly([(x0, -3), (x0 + 2.5, -8.5), (x1, -8.5), (x1, -3)], det)
    for s in (-1, 1):
        cv.ellipse(s * half * 0.6, 6, 5, 5, det)
        cv.ellipse(s * half * 0.6, 6, 2, 2, fur)


def _flower(cv, rng, fur, det, cue):
    """Flower: a stem with leaves, a ring of petals and a disc."""
    stem = _mix(fur, [0.3, 0.7, 0.3], 0.3)
    cv.line((0, 0), (rng.uniform(-4, 4), 34), 2.0, stem)
    for s in (-1, 1):
        cv.ellipse(s * 5, 18, 5, 2, stem, tilt=s * 0.5)
    k = int(rng.integers(5, 9))
    r = rng.uniform(8, 11)
    for j in range(k):
        t = 2 * np.pi * j / k
        cv.ellipse(r * np.cos(t), r * np.sin(t), r * 0.7, r * 0.35, fur,
                   tilt=t)
    cv.ellipse(0, 0, r * 0.45, r * 0.45, det)


def _landscape(cv, rng, fur, det, cue):
    """Landscape: rolling hills with mountains and a sun over them."""
    x = np.linspace(-50, 50, 41)
    ph, amp = rng.uniform(0, 2 * np.pi), rng.uniform(2, 6)
    y = rng.uniform(0, 10) + amp * np.sin(x / rng.uniform(8, 15) + ph)
    cv.ellipse(rng.uniform(-18, 18), rng.uniform(-22, -12), 5, 5, fur)
    for _ in range(int(rng.integers(1, 4))):
        m = rng.uniform(-30, 30)
        cv.poly([(m - 14, 8), (m, -rng.uniform(4, 16)), (m + 14, 8)],
                _mix(fur, det, 0.3))
    cv.poly(np.concatenate([np.stack([x, y], 1), [(50, 60), (-50, 60)]]),
            fur)


_DRAW = {'cat': _cat, 'dog': _dog, 'house': _house, 'car': _car,
         'flower': _flower, 'landscape': _landscape}


def _blur(img, sigma):
    """Separable Gaussian blur with edge padding (none for tiny sigma)."""
    if sigma < 0.1:
        return img
    k = np.exp(-0.5 * (np.arange(-3, 4) / sigma) ** 2)
    k /= k.sum()
    p, n = np.pad(img, ((3, 3), (3, 3), (0, 0)), mode='edge'), SIZE
    p = sum(k[j] * p[j:j + n] for j in range(7))
    return sum(k[j] * p[:, j:j + n] for j in range(7))


def render(kind, rng, cue=CUE):
    """Render one picture of a given kind.

    Args:
    - kind: 'cat' or one of NON_CATS
    - rng: numpy Generator that supplies all randomness
    - cue: in [0, 1], strength of the colour cue that holds in both
      polarities: how far cat and dog fur leans to a warm tint and a
      cat's eyes and inner ears to green or amber and pink

    Returns:
    - image: uint8 array of shape (SIZE, SIZE, 3)
    """
    light_bg = rng.random() < 0.5
    warm = cue if kind in ('cat', 'dog') else 0.0
    bg = _colour(rng, light_bg, 0.2)
    fur = _colour(rng, not light_bg, warm=warm)
    det = _colour(rng, light_bg)
    jitter = 0.1 * SIZE
    centre = SIZE / 2 + rng.uniform(-jitter, jitter, 2)
    angle = np.deg2rad(10.0) * rng.uniform(-1, 1)
    cv = _Canvas(centre, rng.uniform(0.9, 1.15), angle)
    for _ in range(int(rng.integers(0, CLUTTER + 1))):
        cv.ellipse(*rng.uniform(-40, 40, 2), *rng.uniform(4, 16, 2),
                   _colour(rng, light_bg), tilt=rng.uniform(0, np.pi))
    _DRAW[kind](cv, rng, fur, det, cue)
    t = np.arange(SIZE) / SIZE - 0.5
    a = rng.uniform(0, 2 * np.pi)
    ramp = np.cos(a) * t[None, :, None] + np.sin(a) * t[:, None, None]
    img = cv.render(bg) + rng.uniform(0, 0.15) * ramp
    img = _blur(img, rng.uniform(0.0, 0.9))
    img = img * rng.uniform(0.9, 1.1)
    img = img + rng.normal(0, rng.uniform(2, 8) / 255, img.shape)
    return np.round(np.clip(img, 0, 1) * 255).astype(np.uint8)


def make_split(n, cat_fraction, seed, cue=CUE):
    """Render a labelled data set of cat and non-cat pictures.

    Exactly round(n * cat_fraction) pictures are cats, in shuffled order.
    Picture i depends only on (seed, i) and its kind.

    Args:
    - n: number of pictures
    - cat_fraction: share of cats, in [0, 1]
    - seed: integer seed of the whole split
    - cue: see `render`

    Returns:
    - x: uint8 array of shape (n, SIZE, SIZE, 3)
    - y: int64 array of shape (n,), 1 for cat and 0 for non-cat
    """
    rng = np.random.default_rng(seed)
    y = np.zeros(n, dtype=np.int64)
    y[:int(round(n * cat_fraction))] = 1
    y = rng.permutation(y)
    kinds = rng.choice(len(NON_CATS), size=n, p=NON_CAT_P)
    x = np.empty((n, SIZE, SIZE, 3), dtype=np.uint8)
    for i in range(n):
        kind = 'cat' if y[i] else NON_CATS[kinds[i]]
        x[i] = render(kind, np.random.default_rng([seed, i]), cue)
    return x, y
