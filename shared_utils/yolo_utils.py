"""Helpers of the car-detection notebook (C4_W3A1), written for this project.

- ``read_classes`` / ``read_anchors``: the class names and anchor shapes
  the small detector was trained with (text files beside its weights);
- ``yolo_head``: turns the detector's raw output grid into boxes
  (centre, size), objectness and class probabilities;
- ``yolo_boxes_to_corners``, ``scale_boxes``: box formats and units;
- ``preprocess_image``, ``get_colors_for_classes``, ``draw_boxes``:
  pictures in and out;
- ``average_precision``: the detection score of a set of pictures.

Boxes in corner form are ``(y_min, x_min, y_max, x_max)``, the order
``tf.image.non_max_suppression`` expects; ``box_xy`` / ``box_wh`` are
fractions of the picture's width and height.
"""
import colorsys

import numpy as np
from PIL import Image, ImageDraw


def read_classes(path):
    """One class name a line -> list of str."""
    with open(path) as f:
        return [line.strip() for line in f if line.strip()]


def read_anchors(path):
    """Comma-separated numbers w1, h1, w2, h2, ... -> float32 (n, 2),
    anchor widths and heights in grid cells."""
    with open(path) as f:
        values = [float(v) for v in f.read().replace('\n', ',').split(',')
                  if v.strip()]
    return np.array(values, dtype=np.float32).reshape(-1, 2)


def yolo_head(feats, anchors, num_classes):
    """Decode a YOLOv2-style output grid.

    Args:
    - feats: (m, gh, gw, n_anchors * (5 + num_classes)) raw outputs; per
      anchor: tx, ty, tw, th, objectness logit, class logits
    - anchors: (n_anchors, 2) widths and heights in grid cells
    - num_classes: int

    Returns:
    - box_xy: (m, gh, gw, n_anchors, 2) box centres (x, y), fractions of the
      picture: (cell index + sigmoid(t)) / grid size
    - box_wh: (m, gh, gw, n_anchors, 2) sizes (w, h): anchor * exp(t) / grid
    - box_confidence: (m, gh, gw, n_anchors, 1) sigmoid of the objectness
    - box_class_probs: (m, gh, gw, n_anchors, num_classes) softmax
    """
    import tensorflow as tf
    feats = tf.convert_to_tensor(feats, tf.float32)
    anchors = tf.cast(tf.convert_to_tensor(anchors), tf.float32)
    n_anchors = int(anchors.shape[0])
    gh, gw = int(feats.shape[1]), int(feats.shape[2])
    feats = tf.reshape(feats, [-1, gh, gw, n_anchors, 5 + num_classes])
    cols, rows = np.meshgrid(np.arange(gw), np.arange(gh))
    cell = np.stack([cols, rows], -1)[None, :, :, None, :].astype(np.float32)
    grid = np.array([gw, gh], np.float32)
    box_xy = (tf.sigmoid(feats[..., 0:2]) + cell) / grid
    box_wh = tf.exp(tf.minimum(feats[..., 2:4], 8.0)) * anchors / grid
    box_confidence = tf.sigmoid(feats[..., 4:5])
    box_class_probs = tf.nn.softmax(feats[..., 5:], axis=-1)
    return box_xy, box_wh, box_confidence, box_class_probs


def yolo_boxes_to_corners(box_xy, box_wh):
    """Centres and sizes -> corners (y_min, x_min, y_max, x_max), same
    units; shapes (..., 2), (..., 2) -> (..., 4)."""
    import tensorflow as tf
    low, high = box_xy - box_wh / 2.0, box_xy + box_wh / 2.0
    return tf.concat([low[..., 1:2], low[..., 0:1],
                      high[..., 1:2], high[..., 0:1]], axis=-1)


def scale_boxes(boxes, image_shape):
    """Corners in picture fractions -> pixels of a picture of
    `image_shape` (height, width)."""
    import tensorflow as tf
    height, width = float(image_shape[0]), float(image_shape[1])
    dims = tf.reshape(tf.constant([height, width, height, width]), [1, 4])
    return boxes * dims


def preprocess_image(image, model_image_size):
    """A picture (file path, PIL image or uint8 array) -> (PIL image, float32
    (1, h, w, 3) in [0, 1] resized to `model_image_size` (h, w))."""
    if isinstance(image, Image.Image):
        pil = image.convert('RGB')
    elif isinstance(image, np.ndarray):
        pil = Image.fromarray(np.asarray(image, np.uint8))
    else:
        pil = Image.open(image).convert('RGB')
    h, w = model_image_size
    small = pil.resize((w, h), Image.BICUBIC)
    data = np.asarray(small, np.float32)[None] / np.float32(255)
    return pil, data


def get_colors_for_classes(num_classes):
    """Distinct, fixed RGB colours (tuples of ints), one per class."""
    hues = [(i / max(num_classes, 1), 0.85, 0.95) for i in range(num_classes)]
    return [tuple(int(255 * c) for c in colorsys.hsv_to_rgb(*h))
            for h in hues]


def draw_boxes(image, boxes, box_classes, class_names, scores=None):
    """Draw labelled boxes on a copy of a picture.

    Args:
    - image: PIL image or uint8 array (H, W, 3)
    - boxes: (n, 4) corners (y_min, x_min, y_max, x_max) in pixels
    - box_classes: (n,) class indices
    - class_names: list of str
    - scores: (n,) or None

    Returns:
    - uint8 array (H, W, 3)
    """
    pil = Image.fromarray(np.asarray(image, np.uint8)) if isinstance(
        image, np.ndarray) else image.convert('RGB').copy()
    draw = ImageDraw.Draw(pil)
    colours = get_colors_for_classes(len(class_names))
    width = max(1, round(min(pil.size) / 160))
    for i, (box, c) in enumerate(zip(np.asarray(boxes, float),
                                     np.asarray(box_classes, int))):
        top, left, bottom, right = box
        top, left = max(0, top), max(0, left)
        bottom, right = min(pil.size[1] - 1, bottom), min(pil.size[0] - 1,
                                                          right)
        label = class_names[c] + ('' if scores is None else
                                  f' {float(np.asarray(scores)[i]):.2f}')
        draw.rectangle([left, top, right, bottom], outline=colours[c],
                       width=width)
        tw = 6 * len(label) + 4
        y0 = top - 11 if top >= 11 else top + 1
        draw.rectangle([left, y0, left + tw, y0 + 10], fill=colours[c])
        draw.text((left + 2, y0 - 1), label, fill=(0, 0, 0))
    return np.asarray(pil)


def box_iou(a, b):
    """IoU of every corner box of `a` (n, 4) with every one of `b` (k, 4)."""
    a, b = np.asarray(a, float)[:, None], np.asarray(b, float)[None]
    inter_h = np.clip(np.minimum(a[..., 2], b[..., 2])
                      - np.maximum(a[..., 0], b[..., 0]), 0, None)
    inter_w = np.clip(np.minimum(a[..., 3], b[..., 3])
                      - np.maximum(a[..., 1], b[..., 1]), 0, None)
    inter = inter_h * inter_w
    area = lambda x: (x[..., 2] - x[..., 0]) * (x[..., 3] - x[..., 1])
    return inter / np.maximum(area(a) + area(b) - inter, 1e-12)


def average_precision(detections, truths, num_classes, iou_threshold=0.5):
    """Average precision of each class over a set of pictures (VOC style:
    area under the precision-recall curve, precision made monotone).

    Args:
    - detections: per picture (scores (n,), boxes (n, 4), classes (n,))
    - truths: per picture (boxes (k, 4), classes (k,), counted (k,) bool);
      a detection that matches a box with counted False (too small to
      count) is neither right nor wrong: it is left out
    - num_classes: int
    - iou_threshold: a detection is right when it overlaps a not yet
      matched true box of its class by at least this much

    Returns:
    - {class index: AP} for the classes with at least one counted box
    """
    hits = {c: [] for c in range(num_classes)}
    n_true = np.zeros(num_classes, int)
    for (scores, boxes, classes), (t_boxes, t_classes, counted) in zip(
            detections, truths):
        scores, classes = np.asarray(scores), np.asarray(classes, int)
        t_classes, counted = np.asarray(t_classes, int), np.asarray(counted)
        n_true += np.bincount(t_classes[counted], minlength=num_classes)
        for c in range(num_classes):
            mine = np.nonzero(classes == c)[0]
            mine = mine[np.argsort(-scores[mine], kind='stable')]
            theirs = np.nonzero(t_classes == c)[0]
            used = np.zeros(len(theirs), bool)
            overlap = box_iou(np.asarray(boxes)[mine].reshape(-1, 4),
                              np.asarray(t_boxes)[theirs].reshape(-1, 4))
            for row, d in enumerate(mine):
                best = np.argmax(np.where(used, -1, overlap[row])) \
                    if len(theirs) else 0
                if len(theirs) and not used[best] and \
                        overlap[row, best] >= iou_threshold:
                    used[best] = True
                    if counted[theirs[best]]:
                        hits[c].append((scores[d], 1))
                else:
                    hits[c].append((scores[d], 0))
    ap = {}
    for c in range(num_classes):
        if n_true[c] == 0:
            continue
        found = sorted(hits[c], key=lambda h: -h[0])
        right = np.cumsum([h[1] for h in found]) if found else np.zeros(0)
        recall = np.concatenate([[0], right / n_true[c]])
        precision = np.concatenate(
            [[1], right / np.arange(1, len(found) + 1)])
        precision = np.maximum.accumulate(precision[::-1])[::-1]
        ap[c] = float(np.sum(np.diff(recall) * precision[1:]))
    return ap


def load_detector():
    """The committed small detector, checked against its recorded SHA-256:
    (keras.Model, class names, anchors (5, 2))."""
    from . import assets, assets_yolo
    recipe = assets.get('yolo_tiny').recipe
    recipe.check_digest()
    return assets_yolo.load(str(recipe.path()))
