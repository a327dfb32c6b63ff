"""Realistic bugs of C4_W3A1 (Car detection with YOLO), as edits of the
master's graded cells."""
from ..checking import Mutants

mutants = Mutants(__name__)
edit = mutants.edit

# -------------------------------------------------------- yolo_filter_boxes
edit('yolo_filter_boxes', 'the score of a box for a class is the product '
     'box_confidence * box_class_probs, not their sum',
     {'box_confidence * box_class_probs': 'box_confidence + box_class_probs'},
     public=True)
edit('yolo_filter_boxes', 'boxes whose best score equals the threshold are '
     'kept: use >=, not >',
     {'best_score >= threshold': 'best_score > threshold'})
edit('yolo_filter_boxes', 'the threshold argument is ignored: compare the '
     'best scores with threshold, not with a fixed 0.6',
     {'best_score >= threshold': 'best_score >= 0.6'}, public=True)
edit('yolo_filter_boxes', 'the best class is the argmax of the box scores '
     'over the last axis (the classes), not over the first',
     {'tf.math.argmax(box_scores, axis=-1)': 'tf.math.argmax(box_scores, '
      'axis=0)'})
edit('yolo_filter_boxes', 'filter and score with box_confidence * '
     'box_class_probs; the class probabilities alone ignore the '
     'objectness', {'tf.math.reduce_max(box_scores, axis=-1)':
                    'tf.math.reduce_max(box_class_probs, axis=-1)'})

# ---------------------------------------------------------------------- iou
edit('iou', 'boxes that do not meet have no intersection: clip its width '
     'and height at 0 with max(..., 0)',
     {'max(inter_right - inter_left, 0)': '(inter_right - inter_left)',
      'max(inter_bottom - inter_top, 0)': '(inter_bottom - inter_top)'},
     public=True)
edit('iou', 'the union counts the shared part once: area1 + area2 - '
     'intersection', {'area1 + area2 - inter_area': 'area1 + area2'},
     public=True)
edit('iou', 'the intersection starts at the larger of the two left (and '
     'top) sides and ends at the smaller of the right (and bottom) sides: '
     'max and min are swapped',
     {'max(left1, left2)': 'min(left1, left2)',
      'max(top1, top2)': 'min(top1, top2)',
      'min(right1, right2)': 'max(right1, right2)',
      'min(bottom1, bottom2)': 'max(bottom1, bottom2)'})
edit('iou', 'the intersection is only clipped in width: its height must be '
     'max(..., 0) too',
     {'max(inter_bottom - inter_top, 0)': '(inter_bottom - inter_top)'})

# ------------------------------------------------- yolo_non_max_suppression
edit('yolo_non_max_suppression', 'the classes must be gathered with the '
     'kept indices too, like the scores and boxes',
     {'    classes = tf.gather(classes, chosen)\n': ''}, public=True)
edit('yolo_non_max_suppression', 'max_boxes is ignored: pass it to '
     'tf.image.non_max_suppression instead of a fixed 10',
     {'tf.image.non_max_suppression(boxes, scores, max_boxes,':
      'tf.image.non_max_suppression(boxes, scores, 10,'}, public=True)
edit('yolo_non_max_suppression', 'iou_threshold is ignored: pass it to '
     'tf.image.non_max_suppression instead of a fixed 0.5',
     {'iou_threshold=iou_threshold)': 'iou_threshold=0.5)'})
edit('yolo_non_max_suppression', 'the kept boxes come from '
     'tf.gather(boxes, chosen); the input boxes were returned as they were',
     {'    boxes = tf.gather(boxes, chosen)\n': ''})

# ---------------------------------------------------------------- yolo_eval
edit('yolo_eval', 'the boxes must be scaled to the picture '
     '(scale_boxes(boxes, image_shape)) before non-max suppression',
     {'    boxes = scale_boxes(boxes, image_shape)\n': ''}, public=True)
edit('yolo_eval', 'score_threshold is not passed on: call '
     'yolo_filter_boxes(..., threshold=score_threshold)',
     {', threshold=score_threshold)': ')'}, public=True)
edit('yolo_eval', 'max_boxes is not passed on to yolo_non_max_suppression',
     {'max_boxes=max_boxes,\n': '\n'})
edit('yolo_eval', 'iou_threshold is not passed on to '
     'yolo_non_max_suppression', {'        iou_threshold=iou_threshold)':
                                  '        )'})
edit('yolo_eval', 'yolo_boxes_to_corners takes the centres first: '
     'yolo_boxes_to_corners(box_xy, box_wh)',
     {'yolo_boxes_to_corners(box_xy, box_wh)':
      'yolo_boxes_to_corners(box_wh, box_xy)'})
