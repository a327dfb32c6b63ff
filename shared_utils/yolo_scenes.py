"""Street scenes with boxes for the car-detection assignment (C4_W3A1).

Pictures come from the street-scene renderer shared with the U-Net
assignment (``street_scenes.render_scene``), drawn at 240x320 (``RENDER``)
and resized to the detector's 160x160 input; their boxes (car, bus, truck,
pedestrian, traffic light, traffic sign) become fractions of the picture.
Training scenes and held-out scenes come from two seeds. Boxes smaller than
``MIN_COUNTED`` pixels (square root of the area, at 160x160) are too small
to count in the held-out scores (``truths``).
"""
import numpy as np

from . import street_scenes

TRAIN_SEED = 41_000
HELD_OUT_SEED = 42_000
CLASSES = street_scenes.BOX_CLASSES
INPUT = 160
RENDER = (240, 320)
MIN_COUNTED = 10.0
N_HELD_OUT = 200


def render(seed, n, resize=True):
    """`n` scenes of one seed at the detector's input size.

    Returns:
    - images: uint8 (n, INPUT, INPUT, 3) (RENDER size if not `resize`)
    - boxes: list of float32 (k, 5): class index, x1, y1, x2, y2 (fractions)
    """
    from PIL import Image
    rng = np.random.default_rng(seed)
    images, boxes = [], []
    h, w = RENDER
    for _ in range(n):
        rgb, _, found = street_scenes.render_scene(rng, h, w)
        images.append(np.asarray(Image.fromarray(rgb).resize(
            (INPUT, INPUT), Image.BICUBIC)) if resize else rgb)
        boxes.append(np.array([(CLASSES.index(c), x1 / w, y1 / h, x2 / w,
                                y2 / h) for c, x1, y1, x2, y2 in found],
                              np.float32).reshape(-1, 5))
    return np.stack(images), boxes


def box_size(b):
    """Square root of each box's area, in pixels of the 160x160 input."""
    b = np.asarray(b).reshape(-1, 5)
    return INPUT * np.sqrt((b[:, 3] - b[:, 1]) * (b[:, 4] - b[:, 2]))


def show_scenes(seed, n):
    """Scenes at the size they are drawn (240x320) and their boxes."""
    return render(seed, n, resize=False)


def held_out(n=N_HELD_OUT):
    """The held-out scenes (images uint8, boxes)."""
    return render(HELD_OUT_SEED, n)


def truths(boxes, image_shape=(INPUT, INPUT)):
    """The held-out boxes of one picture as average_precision wants them:
    (corners in pixels (k, 4), classes (k,), counted (k,))."""
    b = np.asarray(boxes).reshape(-1, 5)
    h, w = image_shape
    corners = np.stack([b[:, 2] * h, b[:, 1] * w, b[:, 4] * h, b[:, 3] * w],
                       -1)
    return corners, b[:, 0].astype(int), box_size(b) >= MIN_COUNTED


def _as_arrays(images, boxes):
    """Scenes as two arrays: images and boxes with their scene index first."""
    rows = [np.column_stack([np.full(len(b), i, np.float32), b])
            for i, b in enumerate(boxes)]
    return {'images': images, 'boxes': np.concatenate(rows)}


def held_out_arrays():
    """The held-out scenes as arrays (the catalogue's digests)."""
    return _as_arrays(*held_out())


def training_sample(n=16):
    """The first `n` training scenes as arrays (the catalogue's digests)."""
    return _as_arrays(*render(TRAIN_SEED, n))
