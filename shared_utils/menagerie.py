"""Procedural side views of four-legged animals in a field, at any size.

Used by the transfer-learning assignment (C4_W2A2): alpacas for the target
task and the other animals both as its negatives and as classes of the
source task the project's MobileNetV2 is pre-trained on (which never shows
an alpaca). Each animal is a parametric side view facing right (the picture
is mirrored half of the time): a body, four legs (the far pair darker), a
neck, a head with ears and a tail. What tells them apart:

- alpaca: woolly body and neck, a long, nearly upright neck, a small round
  head with two tall banana-shaped ears, a stubby woolly tail;
- sheep: woolly body, almost no neck, a dark drooping face, sideways ears;
- horse: smooth coat, a long neck leaning forward with a mane, a long head,
  a long hanging tail;
- giraffe: very long legs and neck, spotted coat, short horns;
- cow: heavy smooth body with patches, short neck, small horns;
- dog: low body, short neck, floppy ear, a tail held up;
- goat: short smooth coat, medium neck, backswept horns, a beard.

Coordinates are units of a 64-unit picture (x right, y down); the canvas
scales them to the picture's size and draws with Pillow on a 2x
supersampled image. All randomness comes from numpy Generators: the same
arguments give the same arrays (with the same numpy and Pillow versions).
"""
import numpy as np
from PIL import Image, ImageDraw

SUPER = 2                         # supersampling factor
ANIMALS = ('alpaca', 'sheep', 'horse', 'giraffe', 'cow', 'dog', 'goat')
WOOL = ((0.96, 0.94, 0.88), (0.93, 0.86, 0.70), (0.78, 0.60, 0.40),
        (0.55, 0.38, 0.24), (0.30, 0.22, 0.17), (0.12, 0.11, 0.10),
        (0.62, 0.60, 0.58))       # alpaca fleece: white .. black, grey
_T = np.linspace(0.0, 2.0 * np.pi, 36, endpoint=False)
_CIRCLE = np.stack([np.cos(_T), np.sin(_T)], axis=1)


def _rgb255(colour):
    c = np.clip(np.asarray(colour, float), 0, 1)
    return tuple((c * 255 + 0.5).astype(int).tolist())


def mix(a, b, t):
    """The colour a fraction `t` of the way from `a` to `b`."""
    return (1.0 - t) * np.asarray(a, float) + t * np.asarray(b, float)


class Canvas:
    """Collect shapes in unit coordinates; draw them moved into place.

    Args:
    - size: side of the picture in pixels
    - centre: (x, y) of the subject's origin, in units of a 64-unit picture
    - scale: size of the subject; angle: its rotation in radians
    """

    def __init__(self, size, centre, scale=1.0, angle=0.0):
        k = size / 64.0 * SUPER
        self.size, self.k = size, k
        self.rot = scale * np.array([[np.cos(angle), -np.sin(angle)],
                                     [np.sin(angle), np.cos(angle)]])
        self.centre = np.asarray(centre, float)
        self.shapes = []

    def poly(self, points, colour):
        pts = np.asarray(points, float) @ self.rot.T + self.centre
        self.shapes.append(((pts * self.k).ravel().tolist(), colour))

    def ellipse(self, x, y, rx, ry, colour, tilt=0.0):
        c, s = np.cos(tilt), np.sin(tilt)
        px, py = rx * _CIRCLE[:, 0], ry * _CIRCLE[:, 1]
        self.poly(np.stack([x + c * px - s * py, y + s * px + c * py], 1),
                  colour)

    def rect(self, x0, y0, x1, y1, colour):
        self.poly([(x0, y0), (x1, y0), (x1, y1), (x0, y1)], colour)

    def line(self, p, q, width, colour):
        p, q = np.asarray(p, float), np.asarray(q, float)
        n = np.array([p[1] - q[1], q[0] - p[0]])
        n *= 0.5 * width / max(np.hypot(*n), 1e-9)
        self.poly([p + n, q + n, q - n, p - n], colour)

    def capsule(self, p, q, width, colour):
        """A segment p-q of the given width with round ends."""
        self.line(p, q, width, colour)
        for end in (p, q):
            self.ellipse(end[0], end[1], width / 2, width / 2, colour)

    def render(self, background):
        """Draw the shapes over `background` (size, size, 3) floats."""
        n = self.size * SUPER
        bg = Image.fromarray(np.round(np.clip(background, 0, 1) * 255)
                             .astype(np.uint8)).resize((n, n))
        draw = ImageDraw.Draw(bg)
        for xy, colour in self.shapes:
            draw.polygon(xy, fill=_rgb255(colour))
        small = bg.resize((self.size, self.size), Image.Resampling.BOX)
        return np.asarray(small, dtype=np.float64) / 255.0


def fluffy(cv, rng, x, y, rx, ry, colour, tilt=0.0, curl=2.2):
    """An ellipse of wool: a lumpy outline of small circles, then curls."""
    cv.ellipse(x, y, rx, ry, colour, tilt)
    c, s = np.cos(tilt), np.sin(tilt)
    for t in np.linspace(0, 2 * np.pi, int(6 + (rx + ry) * 0.9),
                         endpoint=False):
        px, py = rx * np.cos(t), ry * np.sin(t)
        r = curl * rng.uniform(0.7, 1.2)
        cv.ellipse(x + c * px - s * py, y + s * px + c * py, r, r, colour)
    for _ in range(int((rx * ry) / 6)):
        u, v = rng.uniform(-0.8, 0.8, 2)
        px, py = u * rx, v * ry * np.sqrt(max(0.0, 1 - u * u))
        shade = mix(colour, rng.choice([0.0, 1.0]) * np.ones(3), 0.12)
        r = curl * rng.uniform(0.35, 0.6)
        cv.ellipse(x + c * px - s * py, y + s * px + c * py, r, r, shade)


def _legs(cv, rng, coat, L, H, length, width, hoof):
    """Four legs: the far pair first, darker, shifted a little."""
    for far in (True, False):
        colour = mix(coat, (0, 0, 0), 0.25) if far else coat
        for front in (-1, 1):
            x = front * L * 0.32 + (2.0 if far else 0.0)
            swing = rng.uniform(-2.5, 2.5)
            top, foot = (x, H * 0.1), (x + swing, H * 0.45 + length)
            cv.capsule(top, foot, width, colour)
            cv.ellipse(foot[0] + 0.6, foot[1], width * 0.65, width * 0.4,
                       hoof)


def _neck_head(cv, rng, p, coat, wool):
    """Neck from the front of the body to the head; returns the head."""
    base = np.array([p['L'] * 0.38, -p['H'] * 0.15])
    a = np.deg2rad(p['neck_angle'] + rng.uniform(-6, 6))
    head = base + p['neck'] * np.array([np.sin(a), -np.cos(a)])
    if wool:
        for t in np.linspace(0, 1, 7):
            q = base + t * (head - base)
            fluffy(cv, rng, q[0], q[1], p['neck_w'] * 0.55,
                   p['neck_w'] * 0.55, coat, curl=1.6)
    else:
        cv.capsule(base, head, p['neck_w'], coat)
    return head


def _alpaca_head(cv, rng, h, coat, dark):
    ear = mix(coat, dark, 0.2)
    for dx, tilt in ((-1.2, -0.15), (0.8, 0.12)):
        cv.ellipse(h[0] + dx, h[1] - 4.6, 0.9, 3.0, ear, tilt)
    fluffy(cv, rng, h[0], h[1] - 1.0, 3.3, 2.6, coat, curl=1.3)
    cv.ellipse(h[0] + 2.8, h[1] + 0.6, 2.4, 1.7, mix(coat, dark, 0.12))
    cv.ellipse(h[0] + 4.6, h[1] + 0.4, 0.6, 0.5, dark)
    cv.ellipse(h[0] + 0.9, h[1] - 0.9, 0.7, 0.7, dark)


def _long_head(cv, rng, h, coat, dark, length, droop):
    """Horse, giraffe, cow, goat, sheep: an elongated head angled down."""
    tip = h + length * np.array([np.cos(droop), np.sin(droop)])
    cv.capsule(h, tip, length * 0.5, coat)
    cv.ellipse(tip[0], tip[1], length * 0.22, length * 0.2,
               mix(coat, dark, 0.3))
    cv.ellipse(h[0] + 0.6, h[1] - 0.8, 0.7, 0.7, dark)
    return tip


def animal(cv, rng, kind, coat, dark):
    """Draw one animal of `kind` (one of ANIMALS) on the canvas."""
    p = dict(L=rng.uniform(20, 26), H=rng.uniform(10, 13), leg=9.0,
             leg_w=2.6, neck=6.0, neck_w=5.5, neck_angle=45.0)
    p.update({'alpaca': dict(leg=rng.uniform(8, 10), neck=rng.uniform(14, 18),
                             neck_w=6.0, neck_angle=rng.uniform(-4, 12)),
              'sheep': dict(leg=rng.uniform(5, 7), neck=3.0, neck_w=6.5,
                            neck_angle=70.0, L=rng.uniform(20, 25)),
              'horse': dict(leg=rng.uniform(11, 13), neck=rng.uniform(11, 14),
                            neck_w=6.5, neck_angle=rng.uniform(35, 50)),
              'giraffe': dict(L=rng.uniform(15, 18), H=rng.uniform(9, 11),
                              leg=rng.uniform(14, 17), leg_w=2.0,
                              neck=rng.uniform(18, 23), neck_w=3.6,
                              neck_angle=rng.uniform(20, 35)),
              'cow': dict(H=rng.uniform(13, 15), leg=rng.uniform(6, 8),
                          leg_w=3.2, neck=4.0, neck_w=8.0, neck_angle=65.0),
              'dog': dict(L=rng.uniform(16, 20), H=rng.uniform(7, 9),
                          leg=rng.uniform(5, 7), leg_w=2.2, neck=5.0,
                          neck_w=4.5, neck_angle=40.0),
              'goat': dict(leg=rng.uniform(7, 9), neck=rng.uniform(7, 9),
                           neck_w=4.5, neck_angle=30.0,
                           L=rng.uniform(17, 21))}[kind])
    L, H = p['L'], p['H']
    wool = kind in ('alpaca', 'sheep')
    hoof = dark if kind != 'alpaca' else mix(dark, coat, 0.3)
    _legs(cv, rng, coat, L, H, p['leg'], p['leg_w'], hoof)
    tail = np.array([-L * 0.5, -H * 0.2])
    if kind == 'horse':
        cv.line(tail, tail + (-2.5, 11 + rng.uniform(0, 4)), 2.6, dark)
    elif kind in ('cow', 'giraffe'):
        cv.line(tail, tail + (-1.2, 9), 0.8, coat)
        cv.ellipse(tail[0] - 1.2, tail[1] + 9.5, 0.9, 1.6, dark)
    elif kind == 'dog':
        cv.line(tail, tail + (-4, -6), 1.6, coat)
    if wool:
        fluffy(cv, rng, 0, 0, L / 2, H / 2, coat)
        if kind == 'alpaca':
            fluffy(cv, rng, tail[0] - 1, tail[1] + 1, 2.0, 2.6, coat, curl=1.2)
    else:
        cv.ellipse(0, 0, L / 2, H / 2, coat)
        cv.ellipse(-L * 0.05, -H * 0.18, L * 0.3, H * 0.12,
                   mix(coat, (1, 1, 1), 0.12))          # a sheen
    if kind == 'giraffe':
        for _ in range(14):
            cv.ellipse(*rng.uniform([-L / 2.5, -H / 3], [L / 2.5, H / 3]),
                       1.3, 1.1, mix(coat, dark, 0.55), rng.uniform(0, 3))
    if kind == 'cow':
        for _ in range(int(rng.integers(2, 5))):
            cv.ellipse(*rng.uniform([-L / 3, -H / 4], [L / 3, H / 4]),
                       rng.uniform(2, 4), rng.uniform(1.5, 3), dark,
                       rng.uniform(0, 3))
    head = _neck_head(cv, rng, p, coat, kind == 'alpaca')
    if kind == 'horse':
        base = np.array([L * 0.38, -H * 0.15])
        cv.line(base + (-1.5, -2), head + (-1.5, -1), 1.6, dark)   # mane
        cv.poly([head + (-0.5, -1), head + (0.2, -4.5), head + (1.2, -1)],
                coat)
        _long_head(cv, rng, head, coat, dark, 7.5, rng.uniform(0.9, 1.2))
    elif kind == 'giraffe':
        for dx in (-0.8, 0.8):
            cv.line(head + (dx, -1), head + (dx, -4), 0.7, dark)
        _long_head(cv, rng, head, coat, dark, 5.0, rng.uniform(0.4, 0.8))
    elif kind == 'sheep':
        face = mix(dark, coat, rng.choice([0.1, 0.8]))
        cv.ellipse(head[0] - 0.5, head[1] - 0.5, 3.2, 1.0, face, -0.3)
        _long_head(cv, rng, head, face, dark, 4.5, rng.uniform(1.0, 1.3))
        fluffy(cv, rng, head[0] - 0.8, head[1] - 1.5, 2.2, 1.6, coat, curl=1)
    elif kind == 'cow':
        for dx in (-1.5, 1.0):
            cv.line(head + (dx, -1), head + (dx + 1.2, -3.8), 0.9,
                    (0.9, 0.88, 0.8))
        _long_head(cv, rng, head, coat, dark, 5.5, rng.uniform(0.7, 1.1))
    elif kind == 'goat':
        cv.line(head + (-0.5, -1), head + (-4, -4.5), 1.2, dark)
        tip = _long_head(cv, rng, head, coat, dark, 5.0, rng.uniform(0.6, 1))
        cv.poly([tip + (-1.5, 0.5), tip + (0, 0.8), tip + (-1, 3.5)], dark)
    elif kind == 'dog':
        cv.ellipse(head[0], head[1], 3.6, 3.2, coat)
        cv.ellipse(head[0] + 3.5, head[1] + 1, 2.4, 1.6, coat)
        cv.ellipse(head[0] + 5.6, head[1] + 0.6, 0.8, 0.7, dark)
        cv.ellipse(head[0] - 1.6, head[1] + 1.2, 1.3, 3.0,
                   mix(coat, dark, 0.4), 0.3)
        cv.ellipse(head[0] + 1.0, head[1] - 0.8, 0.6, 0.6, dark)
    else:
        _alpaca_head(cv, rng, head, coat, dark)


def coat_colour(rng, kind):
    """A plausible coat colour (3,) for an animal of `kind`."""
    if kind in ('alpaca', 'sheep'):
        base = WOOL[int(rng.integers(len(WOOL)))] if kind == 'alpaca' else \
            WOOL[int(rng.choice([0, 0, 0, 1, 6, 5]))]
    elif kind == 'giraffe':
        base = (0.88, 0.72, 0.42)
    elif kind == 'cow':
        base = ((0.95, 0.94, 0.9), (0.55, 0.33, 0.2),
                (0.2, 0.18, 0.17))[int(rng.integers(3))]
    else:   # horse, dog, goat: browns, greys, black, white
        base = ((0.45, 0.28, 0.16), (0.65, 0.45, 0.25), (0.2, 0.16, 0.13),
                (0.85, 0.83, 0.8), (0.55, 0.52, 0.5),
                (0.8, 0.65, 0.4))[int(rng.integers(6))]
    return np.clip(np.asarray(base) + rng.normal(0, 0.04, 3), 0, 1)


def field(rng, size, horizon=None):
    """A background: sky gradient above grass, sand or snow, maybe hills.

    Returns:
    - image: floats in [0, 1], shape (size, size, 3)
    """
    h = rng.uniform(0.3, 0.6) if horizon is None else horizon
    y = (np.arange(size) / size)[:, None, None]
    sky = mix((0.55, 0.72, 0.92), (0.85, 0.88, 0.9), rng.uniform())
    ground = ((0.35, 0.55, 0.25), (0.55, 0.6, 0.3), (0.75, 0.68, 0.5),
              (0.9, 0.92, 0.95), (0.45, 0.42, 0.3))[int(rng.integers(5))]
    ground = np.clip(np.asarray(ground) + rng.normal(0, 0.04, 3), 0, 1)
    top = sky + (y / h) * 0.15 * np.ones((1, size, 3))
    low = ground * (0.85 + 0.3 * (y - h))
    img = np.where(y < h, top, low * np.ones((1, size, 3)))
    if rng.random() < 0.6:                      # distant hills
        x = np.arange(size) / size
        ridge = h - rng.uniform(0.03, 0.12) * (1 + np.sin(
            2 * np.pi * (x * rng.uniform(0.5, 2) + rng.uniform())))
        hill = mix(ground, sky, rng.uniform(0.3, 0.6))
        inside = (y[:, :, 0] >= ridge[None, :]) & (y[:, :, 0] < h)
        img[inside] = hill
    img = img + rng.normal(0, 0.015, (size, size, 3)) * (y > h)
    return np.clip(img, 0, 1)


def _tree(cv, rng, x, ground_y, height):
    trunk = mix((0.4, 0.28, 0.16), (0, 0, 0), rng.uniform(0, 0.4))
    leaves = mix((0.2, 0.5, 0.2), (0.5, 0.6, 0.2), rng.uniform())
    cv.line((x, ground_y), (x, ground_y - height), height * 0.12, trunk)
    for _ in range(5):
        dx, dy = rng.uniform(-0.25, 0.25, 2) * height
        r = height * rng.uniform(0.22, 0.35)
        cv.ellipse(x + dx, ground_y - height + dy, r, r * 0.85,
                   mix(leaves, (0, 0, 0), rng.uniform(0, 0.25)))


def scenery(cv, rng, ground_y, fence=0.3, trees=0.5):
    """Optional props behind the subject: a fence, trees, bushes."""
    if rng.random() < trees:
        for _ in range(int(rng.integers(1, 4))):
            _tree(cv, rng, rng.uniform(-34, 34), ground_y - rng.uniform(
                0, 4), rng.uniform(10, 24))
    if rng.random() < fence:
        wood = mix((0.55, 0.4, 0.25), (0.9, 0.9, 0.85), rng.uniform())
        y = ground_y + rng.uniform(-2, 4)
        for x in np.arange(-36, 37, rng.uniform(7, 11)):
            cv.rect(x - 0.7, y - 8, x + 0.7, y, wood)
        for dy in (-6.5, -3):
            cv.rect(-36, y + dy, 36, y + dy + 0.9, wood)


def finish(img, rng, flip=True):
    """Mirror half the time, then lighting, blur and noise -> uint8."""
    from scipy.ndimage import gaussian_filter
    if flip and rng.random() < 0.5:
        img = img[:, ::-1]
    size = img.shape[0]
    img = gaussian_filter(img, (rng.uniform(0, 0.8) * size / 96,) * 2 +
                          (0,), mode='nearest')
    img = img * rng.uniform(0.85, 1.12) * rng.uniform(0.95, 1.05, 3)
    img = img + rng.normal(0, rng.uniform(1, 5) / 255, img.shape)
    return np.round(np.clip(img, 0, 1) * 255).astype(np.uint8)


def render(kind, rng, size=96):
    """One picture of an animal of `kind` (in ANIMALS) in a field, or of
    the field alone (`kind='field'`).

    Args:
    - kind: str
    - rng: numpy Generator that supplies all randomness
    - size: side of the picture in pixels

    Returns:
    - image: uint8 array of shape (size, size, 3)
    """
    horizon = rng.uniform(0.3, 0.55)
    bg = field(rng, size, horizon)
    ground = horizon * 64 - 32           # in units around the centre
    props = Canvas(size, (32, 32))
    scenery(props, rng, ground, trees=0.9 if kind == 'field' else 0.45)
    img = props.render(bg)
    if kind != 'field':
        scale = rng.uniform(0.95, 1.3)
        cv = Canvas(size, (32 + rng.uniform(-6, 4), 34 + rng.uniform(-3, 5)),
                    scale, np.deg2rad(rng.uniform(-5, 5)))
        animal(cv, rng, kind, coat_colour(rng, kind),
               np.clip(rng.uniform(0.05, 0.2, 3), 0, 1))
        img = cv.render(img)
    return finish(img, rng)
