"""A parametric portrait renderer: one synthetic person, many photos.

A person is an :class:`Identity`, a fixed set of numbers: the shape of the
head and jaw, skin tone, hair style and colour, eye size, spacing and
colour, eyebrows, nose, mouth width, ears, and optional glasses or beard.
`identity(seed)` draws one person; the same seed always gives the same
person. `render(person, rng, expression)` takes one photo of that person:
the head moves, turns a little (a yaw that shifts the inner features) and
tilts, the background, the light and the camera noise change, and the
mouth shows the `expression`:

- smiling: 'smile' (lips curved up) or 'grin' (an open smile that shows
  the teeth);
- not smiling: 'neutral' (a straight mouth), 'frown' (curved down) or
  'o' (a small round open mouth).

Every photo's mouth gets an `amount` in [0, 1] (random by default) that sets
how strongly it shows: the curve of a smile or frown, the opening of a
grin or an "o". `SMILE` scales how far a smile curves and `MOUTH` the
width of a closed mouth's line; both were set for the Happy House set
(C4_W1A2, see happy.py), where a small convolutional network tells smiles
apart and a logistic regression on raw pixels cannot. Face
recognition (C4_W4A1) renders many photos of one identity at 96x96.

Shapes are drawn with Pillow on a 4x supersampled canvas, in the
coordinates of a 64x64 photo (scaled for other sizes), then averaged down;
lighting, blur and noise are added with numpy. All randomness comes from
numpy Generators: the same arguments give the same arrays (with the same
numpy and Pillow versions).
"""
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageDraw
from scipy.ndimage import gaussian_filter

SUPER = 4                        # supersampling factor for anti-aliasing
BASE = 64.0                      # shapes are laid out for a 64x64 photo
SMILE = 2.0                      # how far a smile curves; calibrated once
MOUTH = 2.0                      # width of a closed mouth's line
SMILING = ('smile', 'grin')
NOT_SMILING = ('neutral', 'frown', 'o')
HAIR_STYLES = ('bald', 'short', 'parted', 'long', 'curly', 'bun')
_SKIN = (np.array([0.99, 0.86, 0.76]), np.array([0.36, 0.22, 0.15]))
_HAIR = np.array([[0.08, 0.06, 0.05], [0.30, 0.18, 0.09], [0.55, 0.36, 0.18],
                  [0.85, 0.70, 0.40], [0.65, 0.25, 0.10], [0.62, 0.62, 0.62]])
_IRIS = np.array([[0.30, 0.18, 0.08], [0.20, 0.40, 0.70], [0.30, 0.50, 0.30],
                  [0.12, 0.08, 0.05]])
_T = np.linspace(0.0, 2.0 * np.pi, 40, endpoint=False)


@dataclass(frozen=True)
class Identity:
    """The numbers that make one person (lengths in pixels of a 64x64
    photo; colours RGB in [0, 1])."""
    face_w: float        # half-width of the head
    face_h: float        # half-height of the head
    jaw: float           # 0 round chin .. 1 narrow, pointed chin
    skin: tuple
    hair_style: str      # one of HAIR_STYLES
    hair: tuple
    hairline: float      # how low the hair comes on the forehead
    eye_gap: float       # half the distance between the eyes
    eye_size: float
    eye_y: float         # height of the eyes above the head's centre
    iris: tuple
    brow: float          # thickness of the eyebrows
    brow_tilt: float
    nose: float          # length of the nose
    mouth_w: float       # half-width of the mouth
    mouth_y: float       # depth of the mouth below the head's centre
    lips: tuple          # colour of a closed mouth's line
    ears: float
    glasses: float       # 0: none, else the lens radius
    frame: tuple
    beard: bool
    shirt: tuple


def _clip(c):
    return tuple(float(v) for v in np.clip(c, 0, 1))


def random_identity(rng):
    """Draw one person from a numpy Generator."""
    tone = rng.uniform()                     # 0 light .. 1 dark skin
    skin = _SKIN[0] + tone * (_SKIN[1] - _SKIN[0])
    skin = skin * rng.uniform(0.96, 1.04, 3)
    # lips darker than the skin, or (more often on dark skin) lighter
    lips = skin * [0.7, 0.42, 0.42] if rng.uniform() > tone else \
        np.array([0.93, 0.62, 0.62]) * rng.uniform(0.9, 1.1, 3)
    hair = _HAIR[rng.integers(len(_HAIR))] * rng.uniform(0.85, 1.15, 3)
    beard = bool(rng.uniform() < 0.18)
    glasses = float(rng.uniform(2.6, 3.4)) if rng.uniform() < 0.25 else 0.0
    return Identity(
        face_w=rng.uniform(10.5, 13.0), face_h=rng.uniform(13.5, 16.0),
        jaw=rng.uniform(0.0, 1.0), skin=_clip(skin),
        hair_style=HAIR_STYLES[rng.integers(len(HAIR_STYLES))],
        hair=_clip(hair), hairline=rng.uniform(-9.5, -6.5),
        eye_gap=rng.uniform(4.2, 5.6), eye_size=rng.uniform(1.5, 2.1),
        eye_y=rng.uniform(1.5, 3.5), iris=_clip(_IRIS[rng.integers(4)]),
        brow=rng.uniform(0.7, 1.5), brow_tilt=rng.uniform(-0.25, 0.25),
        nose=rng.uniform(2.5, 4.5), mouth_w=rng.uniform(3.6, 5.0),
        mouth_y=rng.uniform(6.5, 8.0), lips=_clip(lips),
        ears=rng.uniform(1.8, 2.8), glasses=glasses,
        frame=_clip(rng.uniform(0.0, 0.5, 3)), beard=beard,
        shirt=_clip(rng.uniform(0.1, 0.9, 3)))


def identity(seed):
    """The person made by `seed` (an int or a sequence of ints)."""
    return random_identity(np.random.default_rng(seed))


class _Canvas:
    """Draw polygons and lines given in head coordinates (pixels of a 64x64
    photo, the head's centre at (0, 0), y down), moved into place."""

    def __init__(self, background, centre, scale, angle):
        self.size = background.shape[0]
        self.k = self.size / BASE * SUPER
        self.rot = scale * np.array([[np.cos(angle), -np.sin(angle)],
                                     [np.sin(angle), np.cos(angle)]])
        self.centre = np.asarray(centre, float)
        n = self.size * SUPER
        big = Image.fromarray(np.round(background * 255).astype(np.uint8))
        self.img = big.resize((n, n), Image.Resampling.BILINEAR)
        self.draw = ImageDraw.Draw(self.img)

    def _xy(self, pts):
        pts = np.asarray(pts, float) @ self.rot.T + self.centre
        return (pts * self.k).ravel().tolist()

    def poly(self, pts, colour):
        self.draw.polygon(self._xy(pts), fill=_rgb255(colour))

    def ellipse(self, x, y, rx, ry, colour):
        self.poly(np.stack([x + rx * np.cos(_T), y + ry * np.sin(_T)], 1),
                  colour)

    def line(self, pts, width, colour, closed=False):
        pts = list(pts) + ([pts[0]] if closed else [])
        w = max(1, int(round(width * self.k * abs(self.rot[0, 0] +
                                                  1j * self.rot[0, 1]))))
        self.draw.line(self._xy(pts), fill=_rgb255(colour), width=w,
                       joint='curve')

    def photo(self):
        """The canvas averaged down to floats in [0, 1], (size, size, 3)."""
        small = self.img.resize((self.size, self.size), Image.Resampling.BOX)
        return np.asarray(small, dtype=np.float64) / 255.0


def _rgb255(colour):
    c = np.clip(np.asarray(colour, float), 0, 1)
    return tuple((c * 255 + 0.5).astype(int).tolist())


def _head_outline(p):
    """Points around the head: an ellipse whose lower half narrows with
    the jaw."""
    x, y = p.face_w * np.cos(_T), p.face_h * np.sin(_T)
    lower = np.clip(np.sin(_T), 0, 1)
    x = x * (1.0 - 0.35 * p.jaw * lower ** 2)
    return np.stack([x, y], 1)


def _hair_back(cv, p):
    if p.hair_style == 'long':
        cv.poly([(-p.face_w - 3, -4), (p.face_w + 3, -4),
                 (p.face_w + 4, 16), (-p.face_w - 4, 16)], p.hair)
        cv.ellipse(0, -4, p.face_w + 3, p.face_h, p.hair)
    elif p.hair_style == 'bun':
        cv.ellipse(0, -p.face_h - 2.5, 5.0, 4.0, p.hair)


def _hair_top(cv, p):
    if p.hair_style == 'bald':
        return
    top = -p.face_h - (2.5 if p.hair_style == 'curly' else 1.2)
    w = p.face_w + (1.5 if p.hair_style == 'curly' else 0.6)
    t = np.linspace(np.pi, 2 * np.pi, 24)
    cap = np.stack([w * np.cos(t), p.hairline + (p.hairline - top) *
                    np.sin(t)], 1)
    cv.poly(np.vstack([cap, [(w, 1.0), (w - 1.5, p.hairline + 1),
                             (-w + 1.5, p.hairline + 1), (-w, 1.0)]]), p.hair)
    if p.hair_style == 'parted':            # a fringe swept to one side
        cv.poly([(-w + 1, p.hairline), (w * 0.2, p.hairline - 0.5),
                 (-w * 0.3, p.hairline + 2.2)], p.hair)
    if p.hair_style == 'curly':
        for a in np.linspace(np.pi * 1.05, np.pi * 1.95, 7):
            cv.ellipse(w * np.cos(a), p.hairline * 0.7 + (p.face_h + 1) *
                       np.sin(a) * 0.8, 3.2, 3.2, p.hair)


def _mouth(cv, p, kind, amount, dx):
    """Draw the mouth; `amount` in [0, 1] says how strongly it shows."""
    w, y, dark = p.mouth_w, p.mouth_y, np.asarray(p.skin) * 0.3
    x = np.linspace(-w, w, 9)
    if kind in ('smile', 'frown', 'neutral'):
        bend = {'smile': -SMILE * (0.6 + 1.6 * amount),
                'frown': 0.5 + 1.2 * amount,
                'neutral': 0.5 * (amount - 0.5)}[kind]
        # corners move by `bend` (up is negative y), the middle stays put
        ys = y + bend * (x / w) ** 2
        cv.line(np.stack([x + dx, ys], 1), MOUTH, p.lips)
    elif kind == 'grin':
        depth = 1.2 + 1.8 * amount
        upper = y - SMILE * 1.2 * (x / w) ** 2
        lower = upper + depth * (1 - (x / w) ** 2)
        pts = np.vstack([np.stack([x, upper], 1),
                         np.stack([x, lower], 1)[::-1]])
        cv.poly(pts + [dx, 0], dark)
        inner = pts.copy()
        inner[:, 1] = np.minimum(inner[:, 1], upper.max() + depth * 0.45)
        cv.poly(inner * [0.85, 1] + [dx, 0.25], (0.95, 0.94, 0.9))
    else:                                   # 'o': a small round opening
        r = 1.0 + 0.9 * amount
        cv.ellipse(dx, y, r * 0.85, r, p.lips)
        cv.ellipse(dx, y, r * 0.55, r * 0.65, dark)


def _face(cv, p, kind, amount, yaw):
    skin, shade = np.asarray(p.skin), np.asarray(p.skin) * 0.8
    dx = yaw * 3.0                          # inner features follow the turn
    _hair_back(cv, p)
    cv.poly([(-7, 10), (7, 10), (16, 30), (-16, 30)], p.shirt)
    cv.poly([(-4, 8), (4, 8), (4.5, 16), (-4.5, 16)], shade)
    for side in (-1, 1):
        cv.ellipse(side * (p.face_w + 0.2) - dx * 0.3, -p.eye_y + 3,
                   p.ears * (1 - 0.3 * side * yaw), p.ears * 1.5, shade)
    cv.poly(_head_outline(p) + [dx * 0.2, 0], skin)
    if p.beard:                             # cheeks and chin, lips free
        jaw = _head_outline(p)
        jaw = jaw[jaw[:, 1] > 1.0]
        jaw = jaw[np.argsort(np.arctan2(jaw[:, 1], jaw[:, 0]))]
        top = [(-p.face_w * 0.4, p.mouth_y - 2.4),
               (p.face_w * 0.4, p.mouth_y - 2.4)]
        cv.poly(np.vstack([jaw, top]) + [dx * 0.2, 0], p.hair)
        cv.ellipse(dx, p.mouth_y, p.mouth_w + 0.9, 1.9, skin * 0.92)
    _hair_top(cv, p)
    ey = -p.eye_y
    for side in (-1, 1):
        ex = side * p.eye_gap + dx
        cv.ellipse(ex, ey, p.eye_size * 1.3, p.eye_size * 0.85, (1, 1, 1))
        cv.ellipse(ex + yaw * 0.6, ey, p.eye_size * 0.75, p.eye_size * 0.8,
                   p.iris)
        cv.ellipse(ex + yaw * 0.6, ey, 0.4, 0.4, (0.02, 0.02, 0.02))
        by = ey - p.eye_size - 1.6
        cv.line([(ex - 2.3, by + side * p.brow_tilt),
                 (ex + 2.3, by - side * p.brow_tilt)], p.brow,
                np.asarray(p.hair) * 0.8)
        if p.glasses:
            cv.line(np.stack([ex + p.glasses * np.cos(_T), ey + p.glasses *
                              0.8 * np.sin(_T)], 1), 0.6, p.frame,
                    closed=True)
    if p.glasses:
        cv.line([(dx - p.eye_gap + p.glasses, ey),
                 (dx + p.eye_gap - p.glasses, ey)], 0.6, p.frame)
    cv.line([(dx * 1.3, ey + 1.5), (dx * 1.3 + 0.8, ey + 1.5 + p.nose),
             (dx * 1.3 - 0.6, ey + 1.7 + p.nose)], 0.7, shade * 0.85)
    _mouth(cv, p, kind, amount, dx)


def _background(rng, size):
    """A pastel wall with a lighting gradient and a darker panel."""
    base = rng.uniform(0.45, 0.9) + rng.uniform(-0.15, 0.15, 3)
    t = np.arange(size) / size - 0.5
    a = rng.uniform(0, 2 * np.pi)
    ramp = np.cos(a) * t[None, :, None] + np.sin(a) * t[:, None, None]
    img = base + rng.uniform(0.0, 0.3) * ramp + np.zeros((size, size, 3))
    x0, x1 = np.sort(rng.integers(0, size, 2))
    img[:, x0:x1] *= rng.uniform(0.75, 1.1)     # a door, a shelf, a window
    return np.clip(img, 0, 1)


def render(person, rng, expression='neutral', amount=None, size=64,
           jitter=1.0, zoom=1.0):
    """Take one photo of `person`.

    Args:
    - person: Identity
    - rng: numpy Generator that supplies the photo's randomness
    - expression: one of SMILING + NOT_SMILING
    - amount: in [0, 1], how strongly the expression shows (random if None)
    - size: side of the photo in pixels
    - jitter: scales how far the pose (position, size, tilt, turn) varies
    - zoom: size of the head; 1 shows head and shoulders, about 1.5 fills
      the photo with the face

    Returns:
    - image: uint8 array of shape (size, size, 3)
    """
    amount = rng.uniform() if amount is None else amount
    bg = _background(rng, size)
    centre = np.array([32.0, 31.0 + 3.0 * (zoom - 1.0)]) + \
        jitter * rng.uniform(-3.5, 3.5, 2)
    scale = 1.25 * zoom * (1.0 + 0.08 * jitter * rng.uniform(-1, 1))
    angle = np.deg2rad(8.0) * jitter * rng.uniform(-1, 1)
    yaw = jitter * rng.uniform(-0.6, 0.6)
    cv = _Canvas(bg, centre, scale, angle)
    _face(cv, person, expression, amount, yaw)
    img = cv.photo()
    t = np.arange(size) / size - 0.5
    a = rng.uniform(0, 2 * np.pi)                # light from one side
    light = 1 + rng.uniform(0, 0.35) * (np.cos(a) * t[None, :] +
                                        np.sin(a) * t[:, None])
    img = img * light[:, :, None] * rng.uniform(0.8, 1.12)
    img = img * rng.uniform(0.94, 1.06, 3)       # colour of the light
    sigma = rng.uniform(0.0, 0.7) * size / BASE
    img = gaussian_filter(img, (sigma, sigma, 0), mode='nearest')
    img = img + rng.normal(0, rng.uniform(1, 5) / 255, img.shape)
    return np.round(np.clip(img, 0, 1) * 255).astype(np.uint8)


def random_expression(rng, smiling):
    """Draw an expression name: smiling ('smile' 2/3, 'grin' 1/3) or not
    ('neutral' 1/2, 'frown' 1/4, 'o' 1/4)."""
    if smiling:
        return SMILING[int(rng.uniform() < 1 / 3)]
    return NOT_SMILING[rng.choice(3, p=[0.5, 0.25, 0.25])]
