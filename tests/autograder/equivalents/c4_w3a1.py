"""Correct solutions written differently from ours: each must score full."""
import numpy as np
import tensorflow as tf

from autograder.checking import Mutants

equivalents = Mutants()
# provided by the notebook (or the grader) when graded
yolo_filter_boxes = yolo_non_max_suppression = None
yolo_boxes_to_corners = scale_boxes = None


@equivalents('yolo_filter_boxes', 'tf.where indices and tf.gather_nd')
def yolo_filter_boxes(boxes, box_confidence, box_class_probs, threshold=.6):
    scores = box_confidence * box_class_probs
    best = tf.reduce_max(scores, axis=-1)
    where = tf.where(tf.greater_equal(best, threshold))
    return (tf.gather_nd(best, where), tf.gather_nd(boxes, where),
            tf.gather_nd(tf.argmax(scores, axis=-1), where))


@equivalents('yolo_filter_boxes', 'flattened to (n, ...) first, mask '
             'from tf.math.logical_not of "below"')
def yolo_filter_boxes(boxes, box_confidence, box_class_probs,  # noqa: F811
                      threshold=.6):
    n_classes = box_class_probs.shape[-1]
    scores = tf.reshape(box_confidence * box_class_probs, [-1, n_classes])
    flat_boxes = tf.reshape(boxes, [-1, 4])
    best = tf.reduce_max(scores, axis=1)
    keep = tf.math.logical_not(best < threshold)
    classes = tf.argmax(scores, axis=1, output_type=tf.int32)
    return (best[keep], tf.boolean_mask(flat_boxes, keep),
            tf.boolean_mask(classes, keep))


@equivalents('iou', 'numpy clip, areas by a helper')
def iou(box1, box2):
    b1, b2 = np.asarray(box1, float), np.asarray(box2, float)
    low, high = np.maximum(b1[:2], b2[:2]), np.minimum(b1[2:], b2[2:])
    inter = float(np.prod(np.clip(high - low, 0, None)))
    area = lambda b: (b[2] - b[0]) * (b[3] - b[1])  # noqa: E731
    return inter / (area(b1) + area(b2) - inter)


@equivalents('iou', 'early exit when the boxes do not meet')
def iou(box1, box2):  # noqa: F811
    x1, y1 = max(box1[0], box2[0]), max(box1[1], box2[1])
    x2, y2 = min(box1[2], box2[2]), min(box1[3], box2[3])
    if x2 <= x1 or y2 <= y1:
        return 0.0
    inter = (x2 - x1) * (y2 - y1)
    union = ((box1[2] - box1[0]) * (box1[3] - box1[1]) +
             (box2[2] - box2[0]) * (box2[3] - box2[1]) - inter)
    return inter / union


@equivalents('yolo_non_max_suppression', 'the variant that also returns '
             'the kept scores (soft-NMS off), keyword arguments')
def yolo_non_max_suppression(scores, boxes, classes, max_boxes=10,
                             iou_threshold=0.5):
    chosen, kept_scores = tf.image.non_max_suppression_with_scores(
        boxes=boxes, scores=scores, max_output_size=max_boxes,
        iou_threshold=iou_threshold, soft_nms_sigma=0.0)
    return kept_scores, tf.gather(boxes, chosen), tf.gather(classes, chosen)


@equivalents('yolo_non_max_suppression', 'greedy loop written out with '
             'tensor IoUs')
def yolo_non_max_suppression(scores, boxes, classes,  # noqa: F811
                             max_boxes=10, iou_threshold=0.5):
    order = tf.argsort(scores, direction='DESCENDING', stable=True)
    kept = []
    remaining = order.numpy().tolist()
    b = boxes.numpy().astype(np.float64)
    while remaining and len(kept) < max_boxes:
        best = remaining.pop(0)
        kept.append(best)
        rest = []
        for i in remaining:
            h = max(0.0, min(b[best, 2], b[i, 2]) - max(b[best, 0], b[i, 0]))
            w = max(0.0, min(b[best, 3], b[i, 3]) - max(b[best, 1], b[i, 1]))
            inter = h * w
            union = ((b[best, 2] - b[best, 0]) * (b[best, 3] - b[best, 1]) +
                     (b[i, 2] - b[i, 0]) * (b[i, 3] - b[i, 1]) - inter)
            if inter / union <= iou_threshold:
                rest.append(i)
        remaining = rest
    idx = tf.constant(kept, tf.int32)
    return (tf.gather(scores, idx), tf.gather(boxes, idx),
            tf.gather(classes, idx))


@equivalents('yolo_eval', 'keyword arguments, positional calls, image '
             'shape as a tensor')
def yolo_eval(yolo_outputs, image_shape=(720, 1280), max_boxes=10,
              score_threshold=.6, iou_threshold=.5):
    box_xy, box_wh, box_confidence, box_class_probs = yolo_outputs
    corners = yolo_boxes_to_corners(box_xy=box_xy, box_wh=box_wh)
    s, b, c = yolo_filter_boxes(corners, box_confidence, box_class_probs,
                                score_threshold)
    b = scale_boxes(b, image_shape)
    return yolo_non_max_suppression(s, b, c, max_boxes, iou_threshold)


@equivalents('yolo_eval', 'scaled by hand before filtering, corners '
             'written out')
def yolo_eval(yolo_outputs, image_shape=(720, 1280),  # noqa: F811
              max_boxes=10, score_threshold=.6, iou_threshold=.5):
    xy, wh, conf, probs = yolo_outputs
    h, w = float(image_shape[0]), float(image_shape[1])
    corners = tf.concat([xy[..., 1:2] - wh[..., 1:2] / 2,
                         xy[..., 0:1] - wh[..., 0:1] / 2,
                         xy[..., 1:2] + wh[..., 1:2] / 2,
                         xy[..., 0:1] + wh[..., 0:1] / 2], axis=-1)
    corners = corners * tf.constant([h, w, h, w])
    scores, boxes, classes = yolo_filter_boxes(
        corners, conf, probs, threshold=score_threshold)
    return yolo_non_max_suppression(scores, boxes, classes,
                                    max_boxes=max_boxes,
                                    iou_threshold=iou_threshold)
