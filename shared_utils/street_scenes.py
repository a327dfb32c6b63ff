"""Procedural street scenes seen from a car's camera, with labels.

One call, ``render_scene(rng)``, lays out a straight street in perspective
(road with lane markings, sidewalks, grass, buildings with windows, fences
and walls, trees, street lamps, signs, traffic lights, parked and moving
cars, buses and trucks, pedestrians, sky) and returns three things drawn
together, shape by shape:

- the picture, uint8 (H, W, 3);
- a semantic mask, uint8 (H, W), with the 23 tags of the CARLA simulator
  (``CLASSES``; 15 of them are drawn, the others never appear);
- boxes ``(class_name, x1, y1, x2, y2)`` in pixels (x2, y2 exclusive) of
  every car, bus, truck, pedestrian, traffic light and traffic sign, around
  the part of it that stays visible once nearer things are drawn over it
  (an instance map is painted beside the mask for this); objects with
  fewer than ``MIN_VISIBLE`` visible pixels get no box.

The world: x to the right, y up, z ahead of the camera (metres); the camera
sits 1.2-1.8 m above the road. Everything is drawn far to near (the
painter's algorithm), buildings first since they stand behind the
sidewalk. Used by the U-Net assignment (C4_W3A2, masks) and the YOLO one
(C4_W3A1, boxes). All randomness comes from the numpy Generator passed in:
the same generator state gives the same arrays (same numpy and Pillow).
"""
import numpy as np
from PIL import Image, ImageDraw

from . import street_objects as so

CLASSES = ('unlabeled', 'building', 'fence', 'other', 'pedestrian', 'pole',
           'road line', 'road', 'sidewalk', 'vegetation', 'vehicle', 'wall',
           'traffic sign', 'sky', 'ground', 'bridge', 'rail track',
           'guard rail', 'traffic light', 'static', 'dynamic', 'water',
           'terrain')
ID = {name: i for i, name in enumerate(CLASSES)}
BOX_CLASSES = ('car', 'bus', 'truck', 'pedestrian', 'traffic light',
               'traffic sign')
MIN_VISIBLE = 30           # pixels of an object that must stay visible
LANE = 3.5                 # lane width, metres


class Painter:
    """Draw polygons into the picture, the mask and the instance map.

    Args:
    - height, width: picture size in pixels
    - focal: focal length in pixels; horizon: its row; cx: centre column
    - cam_x, cam_h: the camera's side offset and height, metres
    """

    def __init__(self, height, width, focal, horizon, cx, cam_x, cam_h):
        self.h, self.w = height, width
        self.f, self.yh, self.cx = focal, horizon, cx
        self.cam_x, self.cam_h = cam_x, cam_h
        self.rgb = Image.new('RGB', (width, height))
        self.mask = Image.new('L', (width, height))
        self.inst = Image.new('I', (width, height))
        self.d_rgb, self.d_mask, self.d_inst = (
            ImageDraw.Draw(self.rgb), ImageDraw.Draw(self.mask),
            ImageDraw.Draw(self.inst))
        self.boxes = {}           # instance id -> class name
        self.current = 0          # instance being drawn (0: none)

    def project(self, x, y, z):
        """A world point (metres) -> picture (column, row)."""
        z = max(z, 0.05)
        return (self.cx + self.f * (x - self.cam_x) / z,
                self.yh + self.f * (self.cam_h - y) / z)

    def begin(self, box_class):
        """Start a new object that gets a box; returns its id."""
        self.current = len(self.boxes) + 1
        self.boxes[self.current] = box_class
        return self.current

    def end(self):
        self.current = 0

    def poly(self, points, colour, tag, world=True):
        """Fill a polygon given in world (x, y, z) or picture points."""
        pts = [self.project(*p) for p in points] if world else points
        pts = [(float(x), float(y)) for x, y in pts]
        if len(pts) < 3:
            return
        self.d_rgb.polygon(pts, fill=so.rgb(colour))
        self.d_mask.polygon(pts, fill=ID[tag])
        self.d_inst.polygon(pts, fill=self.current)

    def ellipse(self, centre, rx, ry, colour, tag):
        """Fill an ellipse around a world point; radii in metres."""
        x, y, z = centre
        (cx, cy), k = self.project(x, y, z), self.f / max(z, 0.05)
        box = [cx - rx * k, cy - ry * k, cx + rx * k, cy + ry * k]
        self.d_rgb.ellipse(box, fill=so.rgb(colour))
        self.d_mask.ellipse(box, fill=ID[tag])
        self.d_inst.ellipse(box, fill=self.current)

    def quad(self, x0, x1, y0, y1, z, colour, tag):
        """A rectangle facing the camera at depth z."""
        self.poly([(x0, y0, z), (x1, y0, z), (x1, y1, z), (x0, y1, z)],
                  colour, tag)

    def side(self, x, z0, z1, y0, y1, colour, tag):
        """A rectangle along the street (constant x) from z0 to z1."""
        self.poly([(x, y0, z0), (x, y0, z1), (x, y1, z1), (x, y1, z0)],
                  colour, tag)

    def ground(self, x0, x1, z0, z1, colour, tag, y=0.0):
        """A flat strip of the ground plane."""
        self.poly([(x0, y, z0), (x1, y, z0), (x1, y, z1), (x0, y, z1)],
                  colour, tag)

    def result(self):
        """(picture, mask, instance map) as numpy arrays."""
        return (np.asarray(self.rgb), np.asarray(self.mask),
                np.asarray(self.inst))


def _sky(p, rng):
    """Sky gradient above the horizon, terrain or ground below it."""
    top = np.array(so.pick(rng, so.SKIES))
    bottom = np.clip(top + rng.uniform(0.15, 0.3), 0, 1)
    rows = int(np.ceil(p.yh)) + 1
    for r in range(0, rows, 4):
        c = so.mix(top, bottom, r / max(rows, 1))
        p.poly([(0, r), (p.w, r), (p.w, r + 4), (0, r + 4)], c, 'sky',
               world=False)
    far = so.pick(rng, so.GRASS) if rng.random() < 0.6 else (0.5, 0.47, 0.4)
    tag = 'terrain' if far[1] > far[0] else 'ground'
    p.poly([(0, rows), (p.w, rows), (p.w, p.h), (0, p.h)], far, tag,
           world=False)


def _street(p, rng, half, walk):
    """Road, lane markings, kerbs and sidewalks."""
    far = 3000.0
    asphalt = np.full(3, rng.uniform(0.22, 0.42))
    p.ground(-half, half, 0.3, far, asphalt, 'road')
    stone = so.pick(rng, so.PAVING)
    for s in (-1, 1):
        p.ground(s * half, s * (half + walk), 0.3, far, stone, 'sidewalk',
                 y=0.0)
        p.ground(s * half, s * (half + 0.25), 0.3, far,
                 so.mix(stone, (1, 1, 1), 0.2), 'sidewalk')
    lanes = int(round(2 * half / LANE))
    white, yellow = (0.92, 0.92, 0.88), (0.9, 0.75, 0.2)
    dash, gap = rng.uniform(2.5, 4.0), rng.uniform(5.0, 9.0)
    start = -rng.uniform(0, dash + gap)
    for k in range(1, lanes):
        x = -half + k * LANE
        centre = lanes % 2 == 0 and k == lanes // 2
        if centre and rng.random() < 0.5:
            for dx in (-0.18, 0.08):
                p.ground(x + dx, x + dx + 0.1, 0.3, far, yellow, 'road line')
            continue
        z = start
        while z < 150:
            p.ground(x - 0.07, x + 0.07, max(z, 0.3), z + dash, white,
                     'road line')
            z += dash + gap
    for s in (-1, 1):
        x = s * (half - 0.3)
        p.ground(x - 0.07, x + 0.07, 0.3, far, white, 'road line')


def _building_row(p, rng, side, x_front):
    """Buildings, or a fence / wall with grass, along one side."""
    z = rng.uniform(-5, 10)
    lots = []
    while z < 160:
        length = rng.uniform(8, 30)
        lots.append((z, z + length))
        z += length + (rng.uniform(2, 8) if rng.random() < 0.3 else 0)
    for z0, z1 in reversed(lots):
        if rng.random() < 0.15:      # an open lot: grass behind a fence
            p.ground(side * x_front, side * (x_front + 30), z0, z1,
                     so.pick(rng, so.GRASS), 'terrain')
            kind = 'fence' if rng.random() < 0.6 else 'wall'
            so.barrier(p, rng, side * x_front, z0, z1, kind)
            continue
        so.building(p, rng, side, x_front + rng.uniform(0, 2), z0, z1,
                    rng.uniform(5, 45))


def render_scene(rng, height=480, width=640):
    """Draw one street scene.

    Args:
    - rng: numpy Generator (all randomness comes from it)
    - height, width: picture size in pixels

    Returns:
    - rgb: uint8 (height, width, 3)
    - mask: uint8 (height, width), CARLA tag of every pixel (``CLASSES``)
    - boxes: list of (class_name, x1, y1, x2, y2), ints in pixels with x2,
      y2 exclusive, around the visible part of each object of
      ``BOX_CLASSES``
    """
    lanes = int(rng.choice([2, 3, 4], p=[0.4, 0.3, 0.3]))
    half, walk = lanes * LANE / 2, rng.uniform(2.0, 4.5)
    cam_x = -half + LANE * (int(rng.integers(lanes // 2, lanes)) + 0.5)
    cam_x += rng.normal(0, 0.3)
    p = Painter(height, width, focal=width * rng.uniform(0.7, 1.0),
                horizon=height * rng.uniform(0.4, 0.5),
                cx=width * (0.5 + rng.uniform(-0.06, 0.06)), cam_x=cam_x,
                cam_h=rng.uniform(1.2, 1.8))
    _sky(p, rng)
    _street(p, rng, half, walk)
    for side in (-1, 1):
        _building_row(p, rng, side, half + walk)
    things = so.street_things(rng, half, walk, lanes, cam_x)
    for z, draw in sorted(things, key=lambda t: -t[0]):
        draw(p)
    rgb, mask, inst = p.result()
    rgb = so.finish(rng, rgb)
    return rgb, mask.copy(), visible_boxes(inst, p.boxes)


def visible_boxes(inst, names, min_visible=MIN_VISIBLE):
    """Boxes around the pixels each instance still owns.

    Args:
    - inst: int array (H, W), instance id per pixel (0: none)
    - names: {instance id: class name}

    Returns:
    - list of (class_name, x1, y1, x2, y2), x2 and y2 exclusive
    """
    from scipy import ndimage
    inst = np.asarray(inst, dtype=np.int32)
    counts = np.bincount(inst.ravel(), minlength=len(names) + 1)
    boxes = []
    for i, where in enumerate(ndimage.find_objects(inst), start=1):
        if where is None or counts[i] < min_visible or i not in names:
            continue
        rows, cols = where
        boxes.append((names[i], cols.start, rows.start, cols.stop,
                      rows.stop))
    return boxes


def colour_mask(mask):
    """A mask as a picture: one fixed colour per CARLA tag, uint8 (.., 3)."""
    return so.PALETTE[np.asarray(mask, dtype=np.int64)]
