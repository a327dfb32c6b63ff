"""Hidden checks for C4_W3A1, Car detection with YOLO.

All four functions are tensor maths, tried on fresh random tensors made on
the side that runs the call (``KerasMake('tf', 'constant')`` markers):

- ``yolo_filter_boxes``: grids of fresh sizes (with and without a batch
  axis, anchors and classes drawn per run), thresholds drawn per run and
  the default 0.6, scores of both signs (the course tries unnormalised
  values too), and a grid where some best scores equal the threshold
  exactly (kept: ``>=``);
- ``iou``: overlapping, nested, identical, apart on one or both axes and
  touching boxes, with float or integer corners;
- ``yolo_non_max_suppression``: clusters of overlapping boxes with distinct
  scores, ``max_boxes`` and ``iou_threshold`` drawn per run, and the
  defaults;
- ``yolo_eval``: decoded grids of fresh sizes, a non-square ``image_shape``,
  ``max_boxes`` / thresholds drawn per run, and the defaults; its calls of
  the other graded functions go to our references.

Results are compared as values (kept boxes and their order), not types.
"""
import numpy as np

from ..checking import Registry
from ..sandbox_child import KerasMake

checks = Registry()


def _tensor(array):
    return KerasMake('tf', 'constant', value=np.asarray(array))


def _softmax(z):
    e = np.exp(z - z.max(-1, keepdims=True))
    return e / e.sum(-1, keepdims=True)


def _triple(t, label, got, via, expected, hint):
    """Compare (scores, boxes, classes) with ours, entry by entry."""
    parts = t.unpack(f'{label}: returns (scores, boxes, classes)', got, 3)
    n = np.shape(expected[0])[0]
    t.shape(f'{label}: number of boxes kept', parts[0], (n,), hint=hint,
            via=lambda f: via(f)[0])
    for k, name in enumerate(('scores', 'boxes', 'classes')):
        t.close(f'{label}: {name}', parts[k], expected[k], rtol=1e-5,
                atol=1e-4, via=lambda f, k=k: via(f)[k], hint=hint)


# ------------------------------------------------------ yolo_filter_boxes

def _grid(t, lead, n_classes, signed=False):
    boxes = t.rng.normal(0, 2, lead + (4,))
    if signed:     # unnormalised values of both signs
        conf = t.rng.normal(1, 4, lead + (1,))
        probs = t.rng.normal(1, 4, lead + (n_classes,))
    else:
        conf = t.rng.uniform(0, 1, lead + (1,))
        probs = _softmax(t.rng.normal(0, 2.5, lead + (n_classes,)))
    return [a.astype(np.float32) for a in (boxes, conf, probs)]


@checks('yolo_filter_boxes')
def yolo_filter_boxes(t):
    cases = []
    for batch in (False, True):
        gh, gw = (int(v) for v in t.rng.integers(2, 7, 2))
        lead = ((1,) if batch else ()) + (gh, gw, int(t.rng.integers(2, 6)))
        n_classes = int(t.rng.integers(3, 12))
        threshold = float(t.rng.uniform(0.15, 0.35))
        cases.append((f'grid {lead}, {n_classes} classes, threshold='
                      f'{threshold:.3f}', _grid(t, lead, n_classes),
                      {'threshold': threshold}))
    lead = (int(t.rng.integers(3, 6)), int(t.rng.integers(3, 6)), 5)
    grid = _grid(t, lead, 4)
    grid[1] = np.sqrt(grid[1]).astype(np.float32)   # some above 0.6
    cases.append((f'grid {lead}, default threshold', grid, {}))
    lead = (int(t.rng.integers(3, 8)), int(t.rng.integers(3, 8)), 3)
    cases.append((f'grid {lead} of unnormalised scores, threshold=2.5',
                  _grid(t, lead, 7, signed=True), {'threshold': 2.5}))
    # best scores exactly at the threshold: 1.0 * 0.5 (kept: >=)
    lead = (3, 2, 2)
    boxes, conf, probs = _grid(t, lead, 3)
    conf[0, 0, 0, 0], probs[0, 0, 0] = 1.0, (0.5, 0.25, 0.25)
    conf[2, 1, 1, 0], probs[2, 1, 1] = 1.0, (0.25, 0.25, 0.5)
    conf[1, 0, 1, 0] = 0.0
    cases.append(('best scores equal to the threshold (0.5)',
                  [boxes, conf, probs], {'threshold': 0.5}))
    for label, arrays, kwargs in cases:
        args = tuple(_tensor(a) for a in arrays)
        with t.case():
            got = t.call(*args, label=f'{label}: runs', **kwargs)
            _triple(t, label, got, lambda f, a=args, k=kwargs: f(*a, **k),
                    t.ref(*args, **kwargs),
                    'score = box_confidence * box_class_probs, best class '
                    'by argmax/reduce_max over the last axis, keep where '
                    'the best score >= threshold')


# -------------------------------------------------------------------- iou

def _box(t, x, y, w, h, integer=False):
    box = (x, y, x + w, y + h)
    return tuple(int(round(v)) for v in box) if integer else \
        tuple(float(v) for v in box)


@checks('iou')
def iou(t):
    u = lambda lo, hi: float(t.rng.uniform(lo, hi))  # noqa: E731
    x, y, w, h = u(0, 5), u(0, 5), u(2, 6), u(2, 6)
    a = _box(t, x, y, w, h)
    cases = [
        ('partly overlapping boxes', a,
         _box(t, x + u(0.3, 0.7) * w, y + u(0.3, 0.7) * h, u(2, 6), u(2, 6))),
        ('overlapping boxes, the second up and left', a,
         _box(t, x - u(1, 2), y - u(1, 2), w, h)),
        ('a box inside the other', a,
         _box(t, x + 0.2 * w, y + 0.3 * h, 0.5 * w, 0.4 * h)),
        ('a box with itself', a, a),
        ('apart on both axes', a, _box(t, x + w + u(0.5, 2), y + h +
                                       u(0.5, 2), u(1, 4), u(1, 4))),
        ('apart left-right only (heights overlap)', a,
         _box(t, x + w + u(0.5, 2), y + 0.2 * h, u(1, 4), h)),
        ('apart top-bottom only (widths overlap)',
         _box(t, x, y + h + u(0.5, 2), w, u(1, 3)), a),
        ('touching along an edge', a, (a[2], a[1], a[2] + 2.0, a[3])),
        ('integer corners', _box(t, 2, 3, 7, 5, True),
         _box(t, 4 + int(t.rng.integers(0, 3)), 1, 6, 5, True)),
    ]
    for label, box1, box2 in cases:
        with t.case():
            got = t.call(box1, box2, label=f'{label}: runs')
            t.close(f'{label}: iou{box1, box2}', got, t.ref(box1, box2),
                    rtol=1e-6, atol=1e-9, via=lambda f, a=(box1, box2):
                    f(*a), hint='intersection width and height are '
                    'max(min(right sides) - max(left sides), 0) ...; '
                    'union = area1 + area2 - intersection')


# ------------------------------------------------------ non-max suppression

def _clusters(t, n, size=300.0):
    """n boxes (y1, x1, y2, x2) in clusters around a few centres."""
    k = int(t.rng.integers(3, 7))
    centres = t.rng.uniform(40, size - 40, (k, 2))
    pick = t.rng.integers(0, k, n)
    c = centres[pick] + t.rng.normal(0, 6, (n, 2))
    half = t.rng.uniform(10, 35, (n, 2))
    boxes = np.concatenate([c - half, c + half], 1).astype(np.float32)
    scores = t.rng.permutation(n) / n * 0.9 + 0.05 + t.rng.uniform(
        0, 0.5 / n, n)
    classes = t.rng.integers(0, 8, n)
    return scores.astype(np.float32), boxes, classes.astype(np.int64)


@checks('yolo_non_max_suppression')
def yolo_non_max_suppression(t):
    cases = []
    for _ in range(2):
        n = int(t.rng.integers(15, 60))
        kwargs = {'max_boxes': int(t.rng.integers(3, 9)),
                  'iou_threshold': float(t.rng.uniform(0.25, 0.7))}
        cases.append((n, kwargs))
    cases.append((int(t.rng.integers(80, 120)), {}))
    cases.append((int(t.rng.integers(20, 40)), {'max_boxes': 200,
                                                'iou_threshold': 0.3}))
    for n, kwargs in cases:
        arrays = _clusters(t, n)
        args = tuple(_tensor(a) for a in arrays)
        label = f'{n} boxes' + ''.join(f', {k}={v:.3g}' if isinstance(
            v, float) else f', {k}={v}' for k, v in kwargs.items())
        with t.case():
            got = t.call(*args, label=f'{label}: runs', **kwargs)
            _triple(t, label, got, lambda f, a=args, k=kwargs: f(*a, **k),
                    t.ref(*args, **kwargs),
                    'tf.image.non_max_suppression(boxes, scores, max_boxes, '
                    'iou_threshold) gives indices: tf.gather scores, boxes '
                    'and classes with them')


# -------------------------------------------------------------- yolo_eval

def _decoded(t, gh, gw, anchors, n_classes, confident=False, big=False):
    lead = (1, gh, gw, anchors)
    xy = t.rng.uniform(0, 1, lead + (2,))
    wh = t.rng.uniform(0.25, 0.6, lead + (2,)) if big else \
        t.rng.uniform(0.05, 0.45, lead + (2,))
    # below 0.65 unless confident: a threshold that is not passed on
    # (the default 0.6) then keeps almost nothing
    conf = t.rng.uniform(0.5, 1, lead + (1,)) if confident else \
        t.rng.uniform(0, 0.65, lead + (1,))
    if confident:
        conf = conf ** 0.3
    probs = _softmax(t.rng.normal(0, 3.5 if confident else 2.5,
                                  lead + (n_classes,)))
    return tuple(_tensor(a.astype(np.float32)) for a in (xy, wh, conf, probs))


@checks('yolo_eval')
def yolo_eval(t):
    cases = []
    # IoU thresholds far from the default; big boxes overlap often
    for low, high, big in ((0.1, 0.25, True), (0.65, 0.8, False)):
        gh, gw = (int(v) for v in t.rng.integers(4, 9, 2))
        outputs = _decoded(t, gh, gw, int(t.rng.integers(2, 6)),
                           int(t.rng.integers(3, 10)), big=big)
        shape = (int(t.rng.integers(90, 400)), int(t.rng.integers(120, 700)))
        kwargs = {'max_boxes': int(t.rng.integers(6, 16)),
                  'score_threshold': float(t.rng.uniform(0.15, 0.35)),
                  'iou_threshold': float(t.rng.uniform(low, high))}
        cases.append((f'grid ({gh}, {gw}), picture {shape}', (outputs, shape),
                      kwargs))
    outputs = _decoded(t, 7, 6, 5, 4, confident=True)
    cases.append(('grid (7, 6), default arguments', (outputs,), {}))
    for label, args, kwargs in cases:
        with t.case():
            got = t.call(*args, label=f'{label}: runs', **kwargs)
            _triple(t, label, got, lambda f, a=args, k=kwargs: f(*a, **k),
                    t.ref(*args, **kwargs),
                    'corners -> yolo_filter_boxes(threshold=score_threshold) '
                    '-> scale_boxes(boxes, image_shape) -> '
                    'yolo_non_max_suppression(max_boxes, iou_threshold)')
