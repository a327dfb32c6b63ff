"""The things of ``street_scenes``: buildings, barriers, vehicles, people,
trees, lamps, signs, traffic lights, bins; colours and the final touch.

Each drawing function takes the scene's ``Painter`` (world coordinates in
metres: x right, y up, z ahead) and draws one object far parts first.
Objects that get a box call ``p.begin(class_name)`` before their boxed
parts and ``p.end()`` after them; poles under signs and lights are drawn
outside that, so a sign's box holds the plate only.
"""
import numpy as np

SKIES = ((0.45, 0.62, 0.85), (0.60, 0.72, 0.86), (0.72, 0.74, 0.78),
         (0.85, 0.66, 0.50), (0.35, 0.50, 0.78))
GRASS = ((0.30, 0.52, 0.22), (0.42, 0.58, 0.28), (0.36, 0.45, 0.20))
PAVING = ((0.62, 0.60, 0.57), (0.70, 0.66, 0.60), (0.55, 0.55, 0.58))
WALLS = ((0.72, 0.66, 0.58), (0.60, 0.42, 0.34), (0.80, 0.78, 0.72),
         (0.50, 0.50, 0.52), (0.84, 0.74, 0.56), (0.40, 0.36, 0.34))
PAINT = ((0.80, 0.10, 0.10), (0.10, 0.20, 0.60), (0.92, 0.92, 0.92),
         (0.12, 0.12, 0.14), (0.55, 0.56, 0.58), (0.85, 0.75, 0.15),
         (0.20, 0.45, 0.25), (0.60, 0.30, 0.10))
CLOTHES = ((0.15, 0.15, 0.2), (0.7, 0.1, 0.1), (0.2, 0.35, 0.7),
           (0.85, 0.85, 0.8), (0.3, 0.5, 0.3), (0.55, 0.4, 0.25),
           (0.9, 0.6, 0.1))
SKIN = ((0.96, 0.80, 0.68), (0.80, 0.60, 0.45), (0.55, 0.38, 0.26),
        (0.36, 0.24, 0.16))
GLASS = (0.16, 0.20, 0.26)
# One colour per CARLA tag (street_scenes.CLASSES), for showing masks.
PALETTE = np.array([
    (0, 0, 0), (70, 70, 70), (100, 40, 40), (55, 90, 80), (220, 20, 60),
    (153, 153, 153), (157, 234, 50), (128, 64, 128), (244, 35, 232),
    (107, 142, 35), (0, 0, 142), (102, 102, 156), (220, 220, 0),
    (70, 130, 180), (81, 0, 81), (150, 100, 100), (230, 150, 140),
    (180, 165, 180), (250, 170, 30), (110, 190, 160), (170, 120, 50),
    (45, 60, 150), (145, 170, 100)], dtype=np.uint8)


def rgb(colour):
    return tuple(int(min(max(float(c), 0.0), 1.0) * 255 + 0.5)
                 for c in colour)


def mix(a, b, t):
    return (1.0 - t) * np.asarray(a, float) + t * np.asarray(b, float)


def pick(rng, options, jitter=0.05):
    """One of `options`, its channels moved a little."""
    c = np.asarray(options[int(rng.integers(len(options)))], float)
    return np.clip(c + rng.normal(0, jitter, 3), 0, 1)


# ------------------------------------------------------------- the sides
def building(p, rng, side, xf, z0, z1, height):
    """A block: its wall along the street with windows and a door, and
    its front wall facing the camera at z0."""
    wall = pick(rng, WALLS)
    x, depth = side * xf, side * (xf + rng.uniform(8, 20))
    p.quad(min(x, depth), max(x, depth), 0, height, z0, mix(wall, 0, 0.25),
           'building')
    p.side(x, z0, z1, 0, height, wall, 'building')
    glass = pick(rng, (GLASS, (0.35, 0.45, 0.55), (0.25, 0.22, 0.2)))
    floor, step = rng.uniform(3.0, 3.6), rng.uniform(2.5, 4.5)
    y = floor * 0.9 if rng.random() < 0.6 else 0.6
    while y + 1.5 < height:
        z = z0 + step * 0.35
        while z + step * 0.5 < z1:
            p.side(x, z, z + step * 0.55, y, y + floor * 0.5, glass,
                   'building')
            z += step
        y += floor
    door = z0 + rng.uniform(1, max(1.5, z1 - z0 - 3))
    p.side(x, door, door + 1.4, 0, 2.3, mix(wall, 0, 0.6), 'building')


def barrier(p, rng, x, z0, z1, kind):
    """A fence (posts and rails) or a low wall along the street."""
    if kind == 'wall':
        top = rng.uniform(0.8, 2.2)
        p.side(x, z0, z1, 0, top, pick(rng, WALLS), 'wall')
        return
    colour = pick(rng, ((0.3, 0.3, 0.3), (0.5, 0.35, 0.2), (0.2, 0.3, 0.2)))
    for y in (0.45, 1.35):
        p.side(x, z0, z1, y, y + 0.09, colour, 'fence')
    for z in np.arange(z1, z0, -2.5):
        p.side(x, z, z + 0.12, 0, 1.6, colour, 'fence')


# ------------------------------------------------------------ the street
def vehicle(p, rng, kind, xc, z, oncoming):
    """A car, bus or truck seen from behind (or, oncoming, from the
    front), its side toward the camera also drawn."""
    width, length, height = {'car': (1.8, 4.4, 1.5), 'bus': (2.5, 11, 3.2),
                             'truck': (2.5, 8.5, 3.4)}[kind]
    width *= rng.uniform(0.93, 1.07)
    paint, dark = pick(rng, PAINT), (0.06, 0.06, 0.07)
    x0, x1 = xc - width / 2, xc + width / 2
    xs = x0 if xc > p.cam_x else x1          # the side the camera sees
    p.begin(kind)
    body = height if kind != 'car' else 0.95
    p.side(xs, z, z + length, 0.3, body, mix(paint, 0, 0.3), 'vehicle')
    if kind == 'car':
        p.poly([(xs, 0.95, z + 1.0), (xs, 0.95, z + length - 0.6),
                (xs, height, z + length - 1.4), (xs, height, z + 1.6)],
               mix(paint, 0, 0.35), 'vehicle')
        p.poly([(xs, 1.0, z + 1.3), (xs, 1.0, z + length - 0.8),
                (xs, height - 0.08, z + length - 1.5),
                (xs, height - 0.08, z + 1.75)], GLASS, 'vehicle')
    elif kind == 'bus':
        p.side(xs, z + 0.5, z + length - 0.3, 1.4, 2.6, GLASS, 'vehicle')
    for zw in (z + 0.9, z + length - 1.0):
        p.ellipse((xs, 0.36, zw), 0.36, 0.36, dark, 'vehicle')
    p.quad(x0 + 0.1, x0 + 0.45, 0, 0.35, z, dark, 'vehicle')
    p.quad(x1 - 0.45, x1 - 0.1, 0, 0.35, z, dark, 'vehicle')
    p.quad(x0, x1, 0.3, body, z, paint, 'vehicle')
    if kind == 'car':
        p.poly([(x0 + 0.05, 0.95, z + 0.5), (x1 - 0.05, 0.95, z + 0.5),
                (x1 - 0.2, height, z + 1.0), (x0 + 0.2, height, z + 1.0)],
               paint, 'vehicle')
        p.poly([(x0 + 0.15, 1.0, z + 0.55), (x1 - 0.15, 1.0, z + 0.55),
                (x1 - 0.28, height - 0.08, z + 0.97),
                (x0 + 0.28, height - 0.08, z + 0.97)], GLASS, 'vehicle')
    else:
        top = 2.9 if kind == 'bus' else 3.2
        glass = oncoming or kind == 'bus'
        p.quad(x0 + 0.15, x1 - 0.15, 1.5 if glass else 2.6, top - 0.1
               if glass else top, z, GLASS if glass else mix(paint, 1, 0.2),
               'vehicle')
    light = (0.95, 0.95, 0.85) if oncoming else (0.85, 0.08, 0.08)
    p.quad(x0 + 0.1, x0 + 0.4, 0.6, 0.8, z, light, 'vehicle')
    p.quad(x1 - 0.4, x1 - 0.1, 0.6, 0.8, z, light, 'vehicle')
    p.quad(xc - 0.3, xc + 0.3, 0.4, 0.52, z, (0.9, 0.9, 0.85), 'vehicle')
    p.end()


def pedestrian(p, rng, x, z):
    """A person facing or leaving the camera: legs, body, arms, head."""
    h = rng.uniform(1.5, 1.95)
    shirt, trousers = pick(rng, CLOTHES), pick(rng, CLOTHES)
    skin = pick(rng, SKIN, 0.02)
    p.begin('pedestrian')
    stride = rng.uniform(0, 0.12)
    for dx in (-0.11, 0.11):
        p.poly([(x + dx - 0.07 - stride * np.sign(dx), 0, z),
                (x + dx + 0.07 - stride * np.sign(dx), 0, z),
                (x + dx + 0.08, 0.48 * h, z), (x + dx - 0.08, 0.48 * h, z)],
               trousers, 'pedestrian')
    for dx in (-0.27, 0.2):
        p.quad(x + dx, x + dx + 0.07, 0.45 * h, 0.8 * h, z,
               mix(shirt, 0, 0.2), 'pedestrian')
    p.quad(x - 0.2, x + 0.2, 0.46 * h, 0.82 * h, z, shirt, 'pedestrian')
    p.ellipse((x, 0.9 * h, z), 0.1 * h * 0.75, 0.1 * h, skin, 'pedestrian')
    p.ellipse((x, 0.94 * h, z), 0.1 * h * 0.78, 0.06 * h,
              pick(rng, ((0.1, 0.07, 0.05), (0.45, 0.3, 0.15))),
              'pedestrian')
    p.end()


def tree(p, rng, x, z):
    h = rng.uniform(4, 9)
    p.quad(x - 0.15, x + 0.15, 0, 0.5 * h, z, (0.35, 0.25, 0.15),
           'vegetation')
    leaf = pick(rng, GRASS, 0.06)
    for _ in range(3):
        dx, dy = rng.normal(0, 0.15 * h, 2)
        r = h * rng.uniform(0.2, 0.3)
        p.ellipse((x + dx * 0.6, 0.7 * h + dy * 0.3, z), r, r * 0.9,
                  mix(leaf, 0, rng.uniform(0, 0.25)), 'vegetation')


def lamp(p, rng, x, z, side):
    h, grey = rng.uniform(6, 8), (0.35, 0.36, 0.38)
    p.quad(x - 0.08, x + 0.08, 0, h, z, grey, 'pole')
    p.poly([(x, h - 0.1, z), (x - side * 1.6, h - 0.1, z),
            (x - side * 1.6, h + 0.05, z), (x, h + 0.05, z)], grey, 'pole')
    p.quad(x - side * 1.9, x - side * 1.2, h - 0.3, h, z, grey, 'pole')


def sign(p, rng, x, z):
    top = rng.uniform(2.2, 2.9)
    p.quad(x - 0.05, x + 0.05, 0, top, z, (0.5, 0.5, 0.52), 'pole')
    shape, r = int(rng.integers(3)), rng.uniform(0.3, 0.45)
    face = pick(rng, ((0.9, 0.1, 0.1), (0.1, 0.3, 0.75), (0.95, 0.8, 0.1)))
    p.begin('traffic sign')
    if shape == 0:
        p.ellipse((x, top, z), r, r, face, 'traffic sign')
        p.ellipse((x, top, z), r * 0.7, r * 0.7, (0.95, 0.95, 0.95),
                  'traffic sign')
    elif shape == 1:
        p.poly([(x - r, top + r * 0.6, z), (x + r, top + r * 0.6, z),
                (x, top - r, z)], face, 'traffic sign')
    else:
        p.quad(x - r, x + r, top - r * 0.7, top + r * 0.7, z, face,
               'traffic sign')
    p.end()


def light_box(p, rng, x, y, z):
    """A traffic light's housing, its top at height y, one lamp lit."""
    p.begin('traffic light')
    p.quad(x - 0.18, x + 0.18, y - 1.0, y, z, (0.08, 0.08, 0.08),
           'traffic light')
    lit = int(rng.integers(3))
    for k, colour in enumerate(((0.9, 0.1, 0.1), (0.95, 0.7, 0.1),
                                (0.1, 0.85, 0.3))):
        c = colour if k == lit else mix(colour, 0, 0.75)
        p.ellipse((x, y - 0.18 - 0.32 * k, z), 0.1, 0.1, c, 'traffic light')
    p.end()


def traffic_light(p, rng, x, z, side):
    """A pole at the kerb with an arm over the road and a light."""
    grey, h = (0.3, 0.32, 0.3), rng.uniform(5, 6)
    reach = rng.uniform(2.5, 5.5)
    p.quad(x - 0.1, x + 0.1, 0, h, z, grey, 'pole')
    p.poly([(x, h - 0.15, z), (x - side * reach, h - 0.15, z),
            (x - side * reach, h, z), (x, h, z)], grey, 'pole')
    light_box(p, rng, x - side * reach * 0.8, h - 0.15, z)
    if rng.random() < 0.5:
        light_box(p, rng, x - side * 0.25, 3.4, z)


def bin_(p, rng, x, z):
    p.quad(x - 0.3, x + 0.3, 0, rng.uniform(0.8, 1.1), z,
           pick(rng, ((0.2, 0.35, 0.2), (0.3, 0.3, 0.32))), 'static')


def street_things(rng, half, walk, lanes, cam_x):
    """Everything between the buildings: [(depth, draw(painter))]."""
    out = []
    for k in range(lanes):
        xc = -half + 3.5 * (k + 0.5) + rng.normal(0, 0.2)
        z = rng.uniform(6, 25)
        while z < 110:
            if rng.random() < 0.6:
                kind = str(rng.choice(['car', 'bus', 'truck'],
                                      p=[0.74, 0.12, 0.14]))
                out.append((z, lambda p, a=(kind, xc, z, k < lanes // 2):
                            vehicle(p, rng, *a)))
            z += rng.uniform(14, 30)
    for side in (-1, 1):
        x_kerb = side * (half + 0.5)
        for z in np.arange(rng.uniform(5, 30), 160, rng.uniform(25, 40)):
            out.append((z, lambda p, a=(x_kerb, z, side): lamp(p, rng, *a)))
        if rng.random() < 0.7:
            x = side * (half + walk - rng.uniform(0.5, 1.0))
            for z in np.arange(rng.uniform(3, 12), 120, rng.uniform(7, 14)):
                out.append((z, lambda p, a=(x, z): tree(p, rng, *a)))
        for _ in range(int(rng.integers(0, 3))):
            z = rng.uniform(6, 50)
            out.append((z, lambda p, a=(side * (half + 0.7), z):
                        sign(p, rng, *a)))
        for _ in range(int(rng.integers(0, 3))):
            z = rng.uniform(5, 40)
            out.append((z, lambda p, a=(side * (half + 1.0), z):
                        bin_(p, rng, *a)))
        for _ in range(int(rng.integers(0, 6))):
            x = side * (half + rng.uniform(0.6, max(0.7, walk - 0.4)))
            z = rng.uniform(4, 60)
            out.append((z, lambda p, a=(x, z): pedestrian(p, rng, *a)))
    if rng.random() < 0.5:
        z, side = rng.uniform(15, 50), int(rng.choice([-1, 1]))
        out.append((z, lambda p, a=(side * (half + 0.4), z, side):
                    traffic_light(p, rng, *a)))
        for _ in range(int(rng.integers(0, 4))):    # people crossing
            x = rng.uniform(-half, half)
            out.append((z - 2, lambda p, a=(x, z - 2 - rng.uniform(0, 2)):
                        pedestrian(p, rng, *a)))
    return out


def finish(rng, image):
    """Light and sensor noise: global exposure, a colour cast, grain."""
    x = image.astype(np.float32)
    x *= np.float32(rng.uniform(0.8, 1.15))
    x += rng.normal(0, 6, 3).astype(np.float32) + np.float32(0.5)
    spread = int(rng.integers(4, 11))
    x += rng.integers(0, 2 * spread + 1, x.shape, dtype=np.uint8)
    x -= np.float32(spread)
    return np.clip(x, 0, 255, out=x).astype(np.uint8)
