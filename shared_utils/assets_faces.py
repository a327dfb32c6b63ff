"""The face encoder of C4_W4A1, trained by the project with the triplet loss.

The course loads a FaceNet trained on millions of real photos. We train our
own small Inception-style encoder (``faces.build_encoder``: 64x64x3 ->
128 numbers of length 1) on synthetic people (``faces.photos``, the
'train' group): `people` identities x `shots` photos each, every photo
with its own pose, expression, light, background, blur and noise.

Each step takes P people x K photos and applies the triplet loss the
notebook teaches, max(||a - p||^2 - ||a - n||^2 + ALPHA, 0), to every
(anchor, positive, negative) triple of the batch, averaged over the triples
that still violate the margin ("batch-all" mining). Adam, learning rate
1e-3 then 3e-4 for the last third of the steps. Afterwards the batch-norm
moving statistics are re-estimated over the training photos (the averages
kept while training lag behind the fast-changing weights).

The weights (``shared_utils/models/face_encoder.weights.h5``, committed,
float32) are checked by behaviour: verification accuracy on held-out
people ('test' group) at the threshold chosen on the 'val' group.

Asset contract: see ``shared_utils/assets_train.py``.
"""
import time

import numpy as np

from . import assets_train, faces

SEED = 3
ALPHA = 0.2
BUDGETS = {'full': {'people': 800, 'shots': 8, 'P': 16, 'K': 4,
                    'steps': 1500},
           'tiny': {'people': 16, 'shots': 4, 'P': 4, 'K': 2, 'steps': 2}}
PASS = {'val_accuracy': 0.95, 'test_accuracy': 0.95}
EVAL = {'people': 40, 'shots': 4}      # per group in `evaluate`


def build_model():
    return faces.build_encoder()


def batch_all_loss(emb, labels, alpha=ALPHA):
    """Mean triplet loss over every valid triple of a batch whose loss is
    positive (and the share of such triples)."""
    import tensorflow as tf
    d = tf.reduce_sum(tf.square(emb[:, None, :] - emb[None, :, :]), -1)
    same = tf.equal(labels[:, None], labels[None, :])
    eye = tf.eye(tf.shape(labels)[0], dtype=tf.bool)
    pos = tf.logical_and(same, tf.logical_not(eye))
    neg = tf.logical_not(same)
    valid = tf.logical_and(pos[:, :, None], neg[:, None, :])
    loss = d[:, :, None] - d[:, None, :] + alpha
    loss = tf.where(valid, tf.maximum(loss, 0.0), 0.0)
    active = tf.cast(loss > 1e-9, tf.float32)
    n_active = tf.reduce_sum(active)
    return (tf.reduce_sum(loss) / tf.maximum(n_active, 1.0),
            n_active / tf.reduce_sum(tf.cast(valid, tf.float32)))


def recalibrate(model, x, batch=64, seed=SEED):
    """Set each batch-norm layer's moving mean/variance to the average of
    its batch statistics over the photos `x` (uint8)."""
    import keras
    import tensorflow as tf
    bns = [layer for layer in model.layers
           if isinstance(layer, keras.layers.BatchNormalization)]
    probe = keras.Model(model.inputs[0], [b.input for b in bns])
    order = np.random.default_rng(seed).permutation(len(x))
    sums = [[0.0, 0.0] for _ in bns]
    n = 0
    for i in range(0, len(x) - batch + 1, batch):
        xb = x[order[i:i + batch]].astype(np.float32) / 255.0
        outs = probe(xb, training=True)
        for s, out in zip(sums, outs):
            mean, var = tf.nn.moments(out, axes=[0, 1, 2])
            s[0] += mean.numpy()
            s[1] += var.numpy()
        n += 1
    for b, (m, v) in zip(bns, sums):
        b.moving_mean.assign(m / n)
        b.moving_variance.assign(v / n)


def train(budget='full', path=None, log=None):
    """Train the encoder on the 'train' people and save its weights.

    Args:
    - budget: 'full' (about 12 min on one busy core) or 'tiny' (seconds)
    - path: where to write the '.weights.h5' file, or None
    - log: where progress lines go (default: print for 'full', nowhere
      for 'tiny')

    Returns:
    - model: the trained keras.Model
    """
    import keras
    import tensorflow as tf
    assets_train.check_budget(budget)
    cfg = BUDGETS[budget]
    log = log or (print if budget == 'full' else (lambda *_: None))
    assets_train.seeded(SEED)
    start = time.time()
    x, y = faces.photos('train', range(cfg['people']), cfg['shots'])
    log(f'rendered {len(x)} photos in {time.time() - start:.0f} s')
    model = build_model()
    steps = cfg['steps']
    lr = keras.optimizers.schedules.PiecewiseConstantDecay(
        [int(steps * 2 / 3)], [1e-3, 3e-4])
    opt = keras.optimizers.Adam(lr)

    @tf.function
    def step(xb, yb):
        with tf.GradientTape() as tape:
            emb = model(xb, training=True)
            loss, share = batch_all_loss(emb, yb)
        grads = tape.gradient(loss, model.trainable_variables)
        opt.apply_gradients(zip(grads, model.trainable_variables))
        return loss, share

    rng = np.random.default_rng(SEED)
    P, K, shots = cfg['P'], cfg['K'], cfg['shots']
    for i in range(steps):
        who = rng.choice(cfg['people'], P, replace=False)
        idx = np.concatenate([p * shots + rng.choice(shots, K, replace=False)
                              for p in who])
        loss, share = step(x[idx].astype(np.float32) / 255.0,
                           tf.constant(y[idx]))
        if (i + 1) % 100 == 0 or i == 0:
            log(f'step {i + 1}: loss {float(loss):.4f}, active triples '
                f'{float(share):.3f} ({time.time() - start:.0f} s)')
    recalibrate(model, x)
    if path is not None:
        assets_train.save_weights(model, path)
    log(f'trained in {time.time() - start:.0f} s')
    return model


def pair_distances(enc, labels):
    """Distances of every pair (i < j) and whether it is one person."""
    i, j = np.triu_indices(len(enc), 1)
    dist = np.linalg.norm(enc[i] - enc[j], axis=-1)
    return dist, labels[i] == labels[j]


def balanced_accuracy(dist, same, threshold):
    """Mean of the accuracy on same-person pairs and on different-person
    pairs when "same" means dist < threshold."""
    return 0.5 * (np.mean(dist[same] < threshold) +
                  np.mean(dist[~same] >= threshold))


def best_threshold(dist, same):
    """The threshold (midway between two sorted distances) with the best
    balanced accuracy."""
    cuts = np.sort(dist)
    mids = np.concatenate([[0.0], (cuts[1:] + cuts[:-1]) / 2, [cuts[-1]]])
    mids = np.unique(np.round(mids, 4))
    accs = [balanced_accuracy(dist, same, t) for t in mids]
    return float(mids[int(np.argmax(accs))])


def evaluate(path):
    """Verification on held-out people (see PASS): the threshold is chosen
    on the 'val' people, then applied to the 'test' people."""
    model = assets_train.load_weights(build_model(), path)
    figures = {}
    xv, yv = faces.photos('val', range(EVAL['people']), EVAL['shots'])
    dv, sv = pair_distances(faces.encode_batch(model, xv), yv)
    threshold = best_threshold(dv, sv)
    xt, yt = faces.photos('test', range(EVAL['people']), EVAL['shots'])
    dt, st = pair_distances(faces.encode_batch(model, xt), yt)
    figures['threshold'] = threshold
    figures['val_accuracy'] = balanced_accuracy(dv, sv, threshold)
    figures['test_accuracy'] = balanced_accuracy(dt, st, threshold)
    return figures


if __name__ == '__main__':
    import sys
    out = sys.argv[1] if len(sys.argv) > 1 else str(faces.WEIGHTS)
    train(sys.argv[2] if len(sys.argv) > 2 else 'full', out)
    print(evaluate(out))
