"""Public checks for C4_W3A1 (Car detection with YOLO).

Small hand-made inputs whose answers are worked out here with plain numpy
(filtering by the best class score, corner boxes, greedy suppression), so
any correct way of writing the functions passes. The hidden checks use
fresh sizes and values.
"""
import numpy as np

from ._base import check


def _tf():
    import tensorflow as tf
    return tf


def _grid(seed, shape=(3, 4, 2), n_classes=5):
    """Boxes, confidences and class probabilities of a small output grid."""
    rng = np.random.default_rng(seed)
    boxes = rng.normal(size=shape + (4,)).astype(np.float32)
    conf = rng.uniform(size=shape + (1,)).astype(np.float32)
    logits = rng.normal(0, 2, size=shape + (n_classes,))
    probs = np.exp(logits) / np.exp(logits).sum(-1, keepdims=True)
    return boxes, conf, probs.astype(np.float32)


def _filtered(boxes, conf, probs, threshold):
    scores = conf * probs
    best, cls = scores.max(-1), scores.argmax(-1)
    keep = best >= threshold
    return best[keep], boxes[keep], cls[keep]


def yolo_filter_boxes(fn):
    tf = _tf()
    with check('yolo_filter_boxes') as c:
        boxes, conf, probs = _grid(3)
        for threshold in (0.3, 0.15):
            got = c.call(fn, tf.constant(boxes), tf.constant(conf),
                         tf.constant(probs), threshold=threshold)
            c.true(isinstance(got, (tuple, list)) and len(got) == 3,
                   'return (scores, boxes, classes)')
            scores, kept, classes = _filtered(boxes, conf, probs, threshold)
            what = f'with threshold={threshold}'
            c.shape(got[0], scores.shape, f'scores {what}', 'keep the boxes '
                    'whose best class score box_confidence * '
                    'box_class_probs is >= threshold (and only those)')
            c.close(got[0], scores, f'scores {what}', 'the score of a box is '
                    'the max over classes of box_confidence * '
                    'box_class_probs', rtol=1e-5)
            c.close(got[1], kept, f'boxes {what}', 'mask the boxes with the '
                    'same filtering mask as the scores', rtol=1e-5)
            c.close(got[2], classes, f'classes {what}', 'the class is the '
                    'argmax over the last axis of the box scores')


def iou(fn):
    with check('iou') as c:
        cases = [((0, 0, 4, 4), (2, 1, 6, 3), 0.2, 'overlapping boxes'),
                 ((1, 1, 3, 5), (1, 1, 3, 5), 1.0, 'a box with itself'),
                 ((0, 0, 2, 2), (3, 3, 5, 6), 0.0, 'boxes apart on both axes'),
                 ((0, 0, 2, 2), (3, 0, 5, 2), 0.0, 'boxes side by side'),
                 ((0, 0, 2, 2), (2, 2, 4, 4), 0.0, 'boxes touching at a '
                  'corner')]
        for box1, box2, expected, what in cases:
            got = c.call(fn, box1, box2)
            c.close(got, expected, f'iou{box1, box2} ({what})',
                    'the width and height of the intersection are '
                    'max(..., 0): boxes that do not meet share nothing',
                    rtol=1e-6)


def _greedy(scores, boxes, max_boxes, iou_threshold):
    """Greedy non-max suppression in numpy: indices kept, best first."""
    order, kept = list(np.argsort(-scores, kind='stable')), []
    while order and len(kept) < max_boxes:
        best = order.pop(0)
        kept.append(best)
        order = [i for i in order if _iou_yx(boxes[best], boxes[i])
                 <= iou_threshold]
    return np.array(kept, int)


def _iou_yx(a, b):
    h = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    w = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = h * w
    return inter / ((a[2] - a[0]) * (a[3] - a[1]) +
                    (b[2] - b[0]) * (b[3] - b[1]) - inter)


def _nms_case():
    boxes = np.array([[10, 10, 50, 60], [12, 12, 52, 58], [100, 80, 140, 120],
                      [11, 9, 49, 61], [102, 81, 139, 122], [200, 10, 230,
                      40]], np.float32)
    scores = np.array([0.9, 0.8, 0.75, 0.7, 0.95, 0.6], np.float32)
    classes = np.array([2, 2, 0, 2, 0, 4], np.int64)
    return scores, boxes, classes


def yolo_non_max_suppression(fn):
    tf = _tf()
    with check('yolo_non_max_suppression') as c:
        scores, boxes, classes = _nms_case()
        for max_boxes in (10, 2):
            got = c.call(fn, tf.constant(scores), tf.constant(boxes),
                         tf.constant(classes), max_boxes=max_boxes,
                         iou_threshold=0.5)
            c.true(isinstance(got, (tuple, list)) and len(got) == 3,
                   'return (scores, boxes, classes)')
            keep = _greedy(scores, boxes, max_boxes, 0.5)
            what = f'with max_boxes={max_boxes}'
            c.shape(got[0], (len(keep),), f'scores {what}', 'keep at most '
                    'max_boxes boxes, dropping those overlapping a better '
                    'one by more than iou_threshold')
            c.close(got[0], scores[keep], f'scores {what}')
            c.close(got[1], boxes[keep], f'boxes {what}')
            c.close(got[2], classes[keep], f'classes {what}', 'gather the '
                    'classes with the same kept indices as the scores')


def yolo_eval(fn):
    tf = _tf()
    with check('yolo_eval') as c:
        rng = np.random.default_rng(7)
        shape = (1, 4, 4, 2)
        xy = rng.uniform(0, 1, shape + (2,)).astype(np.float32)
        wh = rng.uniform(0.1, 0.5, shape + (2,)).astype(np.float32)
        conf = rng.uniform(0.2, 0.6, shape + (1,)).astype(np.float32)
        logits = rng.normal(0, 3, shape + (3,))
        probs = (np.exp(logits) / np.exp(logits).sum(-1, keepdims=True))
        probs = probs.astype(np.float32)
        image_shape, max_boxes, threshold = (90, 160), 4, 0.3
        got = c.call(fn, tuple(tf.constant(v) for v in (xy, wh, conf,
                                                         probs)),
                     image_shape, max_boxes=max_boxes,
                     score_threshold=threshold, iou_threshold=0.4)
        c.true(isinstance(got, (tuple, list)) and len(got) == 3,
               'return (scores, boxes, classes)')
        corners = np.concatenate([xy[..., ::-1] - wh[..., ::-1] / 2,
                                  xy[..., ::-1] + wh[..., ::-1] / 2], -1)
        scores, boxes, classes = _filtered(corners, conf, probs, threshold)
        boxes = boxes * np.array([90, 160, 90, 160], np.float32)
        keep = _greedy(scores, boxes, max_boxes, 0.4)
        c.shape(got[0], (len(keep),), 'scores', 'pass score_threshold, '
                'max_boxes and iou_threshold on to the two functions')
        c.close(got[0], scores[keep], 'scores', rtol=1e-5)
        c.close(got[1], boxes[keep], 'boxes', 'scale the corner boxes to '
                'image_shape (scale_boxes) before non-max suppression',
                rtol=1e-4, atol=1e-3)
        c.close(got[2], classes[keep], 'classes')
