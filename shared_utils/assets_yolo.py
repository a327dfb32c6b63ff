"""The small pretrained YOLO-style detector of C4_W3A1: training and checks.

Scenes and boxes: ``yolo_scenes.py``. The detector (``build_model``,
516,199 parameters): seven convolutions with batch norm and leaky ReLU, the
first with stride 2 and three followed by 2x2 pooling (stride 16), then a
1x1 convolution to a 10x10 grid of 5 anchors x (4 box numbers +
objectness + 6 class scores). Anchors: k-means with the 1 - IoU distance
over the training boxes' sizes (``kmeans_anchors``). Loss (``yolo_loss``):
squared error on the box numbers of the anchor that owns each taught box
(the cell of its centre, the anchor of the closest shape), binary
cross-entropy on objectness (no penalty where a predicted box already
overlaps a true box by more than 0.6), softmax cross-entropy on the class.

``train`` renders 2,400 scenes once, fits in two stages (``BUDGETS``) with
Adam and mirrored pictures, then sets the batch norms' statistics from one
pass over 256 training scenes (``calibrate``) and writes the weights, the
class file and the anchor file (``shared_utils/models/yolo_tiny*``). The
committed file was made by resuming after stage 1 (``resume``), which the
function does the same way. ``evaluate``: mAP at IoU 0.5 on the 200
held-out scenes. Asset contract: ``shared_utils/assets_train.py``.
"""
import numpy as np

from . import assets_train, yolo_utils
from .yolo_scenes import (CLASSES, INPUT, MIN_COUNTED, N_HELD_OUT,  # noqa
                          RENDER, TRAIN_SEED, box_size, held_out,
                          held_out_arrays, render, show_scenes,
                          training_sample, truths)

SEED = 5
GRID = 10
N_ANCHORS = 5
MIN_TRAIN = 3.0          # boxes smaller than this (px at 160) are not taught
N_CALIBRATE = 256        # training scenes of the batch-norm calibration
MAX_BOXES = 48
# stages: (schedule epochs, epochs run, rate, objectness weight of the
# taught boxes, smallest taught box in pixels)
BUDGETS = {'full': {'train': 2400, 'batch_size': 32,
                    'stages': [(8, 5, 2e-3, 1.0, MIN_TRAIN),
                               (8, 8, 1e-3, 5.0, 6.0)]},
           'tiny': {'train': 64, 'batch_size': 32,
                    'stages': [(1, 1, 2e-3, 1.0, MIN_TRAIN),
                               (1, 1, 1e-3, 5.0, 6.0)]}}
PASS = {'map50': 0.3, 'car_ap50': 0.7}   # measured 0.352 and 0.788
FILES = {'weights': 'yolo_tiny.weights.h5', 'classes': 'yolo_tiny_classes.txt',
         'anchors': 'yolo_tiny_anchors.txt'}


def kmeans_anchors(wh, k=N_ANCHORS, seed=SEED, iters=100):
    """k-means over box sizes (n, 2) with 1 - IoU (boxes sharing a centre)
    as the distance; returns (k, 2) sorted by area."""
    rng = np.random.default_rng(seed)
    centres = wh[rng.choice(len(wh), k, replace=False)]
    for _ in range(iters):
        inter = np.minimum(wh[:, None], centres[None]).prod(-1)
        union = wh.prod(-1)[:, None] + centres.prod(-1)[None] - inter
        owner = np.argmax(inter / union, axis=1)
        new = np.array([np.median(wh[owner == j], 0) if np.any(owner == j)
                        else centres[j] for j in range(k)])
        if np.allclose(new, centres):
            break
        centres = new
    return centres[np.argsort(centres.prod(-1))].astype(np.float32)


def build_model(n_classes=len(CLASSES), n_anchors=N_ANCHORS):
    """The detector: (None, 160, 160, 3) -> (None, 10, 10, 5 * (5 + 6))."""
    import keras
    from keras import layers
    x = inputs = keras.Input((INPUT, INPUT, 3))
    for k, filters in enumerate((16, 32, 64, 128, 192, 96, 192)):
        size, stride = (1 if k == 5 else 3), (2 if k == 0 else 1)
        x = layers.Conv2D(filters, size, stride, padding='same',
                          use_bias=False)(x)
        x = layers.BatchNormalization()(x)
        x = layers.LeakyReLU(0.1)(x)
        if 0 < k < 4:
            x = layers.MaxPooling2D(2)(x)
    outputs = layers.Conv2D(n_anchors * (5 + n_classes), 1)(x)
    return keras.Model(inputs, outputs, name='yolo_tiny')


def targets(boxes, anchors, min_size=MIN_TRAIN):
    """True boxes -> the training targets of one picture.

    Returns:
    - dense: float32 (GRID, GRID, A, 6): x, y offsets in the cell, log size
      ratios to the anchor, 1 where an anchor owns a box, class index
    - padded: float32 (MAX_BOXES, 4) the taught boxes as x, y, w, h
    """
    dense = np.zeros((GRID, GRID, len(anchors), 6), np.float32)
    padded = np.zeros((MAX_BOXES, 4), np.float32)
    keep = boxes[box_size(boxes) >= min_size][:MAX_BOXES]
    for i, (c, x1, y1, x2, y2) in enumerate(keep):
        cx, cy, w, h = (x1 + x2) / 2, (y1 + y2) / 2, x2 - x1, y2 - y1
        padded[i] = cx, cy, w, h
        gx, gy = cx * GRID, cy * GRID
        col, row = min(int(gx), GRID - 1), min(int(gy), GRID - 1)
        inter = np.minimum(anchors, [w * GRID, h * GRID]).prod(-1)
        a = int(np.argmax(inter / (anchors.prod(-1) + w * h * GRID ** 2
                                   - inter)))
        dense[row, col, a] = (gx - col, gy - row, np.log(w * GRID /
                              anchors[a, 0]), np.log(h * GRID /
                              anchors[a, 1]), 1, c)
    return dense, padded


def yolo_loss(raw, dense, padded, anchors, n_classes=len(CLASSES),
              pos_weight=1.0):
    """The training loss of a batch (see the module docstring), a scalar."""
    import tensorflow as tf
    xy, wh, _, _ = yolo_utils.yolo_head(raw, anchors, n_classes)
    raw = tf.reshape(raw, [-1, GRID, GRID, len(anchors), 5 + n_classes])
    owner = dense[..., 4]
    cell_xy = tf.sigmoid(raw[..., 0:2])
    area = (tf.exp(dense[..., 2]) * anchors[:, 0] * tf.exp(dense[..., 3])
            * anchors[:, 1]) / GRID ** 2
    weight = owner * (2.0 - area)
    coord = tf.reduce_sum(weight * (
        tf.reduce_sum(tf.square(cell_xy - dense[..., 0:2]), -1)
        + tf.reduce_sum(tf.square(raw[..., 2:4] - dense[..., 2:4]), -1)))
    # best IoU of each predicted box with the picture's true boxes
    p = tf.concat([xy - wh / 2, xy + wh / 2], -1)[..., None, :]
    t = padded[:, None, None, None]
    t = tf.concat([t[..., :2] - t[..., 2:] / 2, t[..., :2] + t[..., 2:] / 2],
                  -1)
    inter = tf.reduce_prod(tf.maximum(tf.minimum(p[..., 2:], t[..., 2:])
                                      - tf.maximum(p[..., :2], t[..., :2]),
                                      0.0), -1)
    union = (tf.reduce_prod(p[..., 2:] - p[..., :2], -1)
             + tf.reduce_prod(t[..., 2:] - t[..., :2], -1) - inter)
    best = tf.reduce_max(inter / tf.maximum(union, 1e-9), -1)
    negative = (1.0 - owner) * tf.cast(best < 0.6, tf.float32)
    obj = tf.nn.sigmoid_cross_entropy_with_logits(owner, raw[..., 4])
    objectness = tf.reduce_sum((pos_weight * owner + negative) * obj)
    cls = tf.nn.sparse_softmax_cross_entropy_with_logits(
        tf.cast(dense[..., 5], tf.int32), raw[..., 5:])
    classes = tf.reduce_sum(owner * cls)
    batch = tf.cast(tf.shape(raw)[0], tf.float32)
    return (5.0 * coord + objectness + classes) / batch


def _mirror(images, boxes):
    """Left-right mirror pictures and their boxes."""
    boxes = [b.copy() for b in boxes]
    for b in boxes:
        b[:, 1], b[:, 3] = 1 - b[:, 3], 1 - b[:, 1]
    return images[:, :, ::-1], boxes


def train(budget='full', path=None, log=print, resume=None):
    """Render the training scenes, fit the detector in two stages, calibrate
    its batch norms, save the weights (and the class and anchor files
    beside them). Returns the keras.Model.

    Stage 1 runs the first `run` epochs of an `epochs`-long cosine schedule
    from `rate`, every box of at least MIN_TRAIN pixels taught; stage 2
    (fresh Adam, its own cosine schedule) teaches only boxes of at least
    `min_size` pixels and weighs their objectness `pos_weight` times.
    `resume`: None, or weights saved after stage 1 (anchor file beside).
    """
    import time
    from pathlib import Path
    import tensorflow as tf
    import keras
    assets_train.check_budget(budget)
    cfg = BUDGETS[budget]
    start, log = time.time(), log if budget == 'full' else None
    images, boxes = render(TRAIN_SEED, cfg['train'])
    wh = np.concatenate([b[box_size(b) >= MIN_TRAIN][:, 3:5]
                         - b[box_size(b) >= MIN_TRAIN][:, 1:3]
                         for b in boxes]) * GRID
    anchors = kmeans_anchors(wh)
    if log:
        log(f'{len(images)} scenes rendered ({time.time() - start:.0f} s); '
            f'anchors {np.round(anchors, 3).tolist()}')
    flipped = _mirror(images, boxes)
    assets_train.seeded(SEED)
    model, bs = build_model(), cfg['batch_size']
    if resume is not None:
        assets_train.load_weights(model, resume)
    for k, (epochs, run, rate, pos_weight, min_size) in enumerate(
            cfg['stages'], start=1):
        if resume is not None and k == 1:
            continue
        sets = []
        for ims, bxs in ((images, boxes), flipped):
            d, p = zip(*[targets(b, anchors, min_size) for b in bxs])
            sets.append((ims, np.stack(d), np.stack(p)))
        assets_train.seeded(SEED + k - 1)
        steps = epochs * (len(images) // bs)
        optimizer = keras.optimizers.Adam(
            keras.optimizers.schedules.CosineDecay(rate, steps, alpha=0.02))
        anchors_t = tf.constant(anchors)

        @tf.function(autograph=False)
        def step(x, d, p):
            with tf.GradientTape() as tape:
                loss = yolo_loss(model(x, training=True), d, p, anchors_t,
                                 pos_weight=pos_weight)
            grads = tape.gradient(loss, model.trainable_variables)
            optimizer.apply_gradients(zip(grads, model.trainable_variables))
            return loss

        rng = np.random.default_rng(SEED + k - 1)
        for epoch in range(run):
            order, flip = rng.permutation(len(images)), rng.random(len(images))
            losses = []
            for s in range(0, len(images) - bs + 1, bs):
                idx = order[s:s + bs]
                pick = [sets[int(flip[i] < 0.5)] for i in idx]
                x = np.stack([ps[0][i] for ps, i in zip(pick, idx)])
                d = np.stack([ps[1][i] for ps, i in zip(pick, idx)])
                p = np.stack([ps[2][i] for ps, i in zip(pick, idx)])
                losses.append(float(step(x.astype(np.float32) / 255, d, p)))
            if log:
                log(f'stage {k}, epoch {epoch + 1}/{run}: loss '
                    f'{np.mean(losses):.3f} ({time.time() - start:.0f} s)')
                if path is not None:
                    save(model, anchors, f'{path}.stage{k}.weights.h5')
    calibrate(model, images[:N_CALIBRATE])
    if path is not None:
        save(model, anchors, path)
    return model


def calibrate(model, images):
    """Set every batch norm's moving mean and variance to the statistics of
    one pass over `images` (uint8): the running averages kept during
    training lag far behind the weights here, and the network sees nothing
    in inference mode without this step."""
    norms = [layer for layer in model.layers
             if type(layer).__name__ == 'BatchNormalization']
    kept = [layer.momentum for layer in norms]
    for layer in norms:
        layer.momentum = 0.0
    model(images / np.float32(255), training=True)
    for layer, momentum in zip(norms, kept):
        layer.momentum = momentum
    return model


def save(model, anchors, path):
    """Weights to `path`; class and anchor files beside it."""
    from pathlib import Path
    assets_train.save_weights(model, path)
    folder = Path(path).parent
    (folder / FILES['classes']).write_text('\n'.join(CLASSES) + '\n')
    (folder / FILES['anchors']).write_text(
        ', '.join(f'{v:.5f}' for v in np.asarray(anchors).ravel()) + '\n')


def detect(outputs, image_shape, max_boxes=20, score_threshold=0.05,
           iou_threshold=0.5):
    """The reference of the notebook's yolo_eval on one picture's decoded
    outputs: (scores, boxes, classes) as numpy arrays."""
    import tensorflow as tf
    box_xy, box_wh, confidence, probs = outputs
    boxes = yolo_utils.yolo_boxes_to_corners(box_xy, box_wh)
    box_scores = confidence * probs
    classes = tf.argmax(box_scores, -1)
    best = tf.reduce_max(box_scores, -1)
    keep = best >= score_threshold
    scores, boxes, classes = (tf.boolean_mask(best, keep),
                              tf.boolean_mask(boxes, keep),
                              tf.boolean_mask(classes, keep))
    boxes = yolo_utils.scale_boxes(boxes, image_shape)
    chosen = tf.image.non_max_suppression(boxes, scores, max_boxes,
                                          iou_threshold)
    return tuple(np.asarray(tf.gather(v, chosen))
                 for v in (scores, boxes, classes))


def scores(model, anchors, images, boxes, eval_fn=detect):
    """{class index: AP at IoU 0.5} of a model on pictures."""
    raw = np.concatenate([np.asarray(model(images[i:i + 50] / np.float32(
        255), training=False)) for i in range(0, len(images), 50)])
    outs = yolo_utils.yolo_head(raw, anchors, len(CLASSES))
    dets = [eval_fn(tuple(o[i:i + 1] for o in outs), (INPUT, INPUT))
            for i in range(len(images))]
    return yolo_utils.average_precision(
        [tuple(np.asarray(v) for v in d) for d in dets],
        [truths(b) for b in boxes], len(CLASSES))


def evaluate(path):
    """mAP@0.5 over the classes and the car's AP on the held-out scenes."""
    from pathlib import Path
    folder = Path(path).parent
    model = assets_train.load_weights(build_model(), path)
    anchors = yolo_utils.read_anchors(folder / FILES['anchors'])
    ap = scores(model, anchors, *held_out())
    return {'map50': float(np.mean(list(ap.values()))),
            'car_ap50': ap[CLASSES.index('car')]}


def load(path=None):
    """(model with the committed weights, class names, anchors)."""
    from pathlib import Path
    if path is None:
        from . import assets
        path = assets.get('yolo_tiny').recipe.path()
    folder = Path(path).parent
    model = assets_train.load_weights(build_model(), path)
    return (model, yolo_utils.read_classes(folder / FILES['classes']),
            yolo_utils.read_anchors(folder / FILES['anchors']))


if __name__ == '__main__':
    # python -m shared_utils.assets_yolo OUT.weights.h5 [STAGE1.weights.h5]
    import sys
    train('full', sys.argv[1], resume=sys.argv[2] if len(sys.argv) > 2
          else None)
