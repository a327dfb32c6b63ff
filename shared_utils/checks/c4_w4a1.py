"""Public checks for C4_W4A1, Face Recognition.

One function per graded function, named like it: ``checks.verify(verify)``.
`triplet_loss` is checked on small hand-made encodings whose answers are
easy to follow; `verify` and `who_is_it` get a tiny stand-in encoder
(:func:`toy_encoder`, seeded weights) and a few photo-like arrays, so they
run in a blink and do not depend on the trained face encoder. The hidden
checks use the same stand-in with other sizes, people and thresholds.
"""
import contextlib
import io

import numpy as np

from ._base import check


def toy_encoder(size=8, dim=16, seed=0):
    """A tiny stand-in face encoder: (None, size, size, 3) -> (None, dim),
    a seeded linear map of the pixels (rows not normalised)."""
    import keras
    from keras import layers
    x_in = keras.Input((size, size, 3))
    x = layers.Flatten()(x_in)
    x = layers.Dense(dim, kernel_initializer=keras.initializers.RandomNormal(
        stddev=1.0, seed=int(seed)), bias_initializer='zeros')(x)
    return keras.Model(x_in, x)


def toy_people(rng, n, size=8, shots=1, noise=20):
    """n random 'faces' (uint8 (size, size, 3)) and `shots` noisy photos of
    each: returns (faces (n, ...), photos (n, shots, ...))."""
    faces = rng.integers(0, 256, (n, size, size, 3))
    photos = faces[:, None] + rng.normal(0, noise, (n, shots, size, size, 3))
    return (faces.astype(np.uint8),
            np.clip(np.round(photos), 0, 255).astype(np.uint8))


def _encode(model, image):
    out = np.asarray(model(image[None].astype(np.float32) / 255.0),
                     dtype=np.float64)
    return out / np.linalg.norm(out)


def _setup(seed):
    import shared_utils.faces as faces
    rng = np.random.default_rng(seed)
    model = toy_encoder(seed=seed)
    pics, shots = toy_people(rng, 4, shots=1)
    names = ['nova', 'orin', 'pia', 'quill']
    database = {n: faces.img_to_encoding(p, model)
                for n, p in zip(names, pics)}
    return model, names, database, shots[:, 0]


def triplet_loss(triplet_loss):
    """Two triples of 2-d encodings, alpha 0.2 and 0.5."""
    import tensorflow as tf
    with check('triplet_loss') as c:
        a = tf.constant([[1.0, 0.0], [0.0, 1.0]])
        p = tf.constant([[0.8, 0.6], [0.0, 1.0]])
        n = tf.constant([[0.0, 1.0], [0.6, 0.8]])
        # ||a-p||^2 = 0.4, 0; ||a-n||^2 = 2, 0.4 -> terms a - 1.6, a - 0.4
        cases = ((0.2, 0.0, 'both triples already beat the margin, so '
                  'the loss is 0'),
                 (0.5, 0.1, 'only the second triple counts: 0 - 0.4 + '
                  '0.5'),
                 (2.0, 0.4 + 1.6, 'both triples count: (0.4 - 2 + 2) + '
                  '(0 - 0.4 + 2)'))
        for alpha, want, why in cases:
            loss = c.call(triplet_loss, None, [a, p, n], alpha)
            c.shape(loss, (), f'the loss (alpha={alpha})',
                    'sum the per-triple losses over the batch into one '
                    'number')
            hint = why
            for value, cause in ((-2.0 + 2 * alpha, 'negative triple losses '
                                  'were added: apply tf.maximum(..., 0.0) to '
                                  'each triple before summing'),
                                 (2.0 + 2 * alpha, 'the positive and '
                                  'negative distances are swapped: the loss '
                                  'is pos_dist - neg_dist + alpha'),
                                 (want / 2, 'the mean was taken: sum the '
                                  'triple losses over the batch')):
                if (want or value) and np.isclose(float(loss), value,
                                                  atol=1e-5):
                    hint = cause
            c.close(loss, want, f'triplet_loss(alpha={alpha})', hint,
                    rtol=1e-5, atol=1e-6)


def verify(verify):
    """A shot of 'orin' against orin (door opens) and against pia."""
    with check('verify') as c:
        model, names, database, shots = _setup(3)
        enc = _encode(model, shots[1])
        for who, threshold in (('orin', 0.4), ('pia', 0.4), ('orin', 0.05)):
            want = float(np.linalg.norm(enc - database[who]))
            with contextlib.redirect_stdout(io.StringIO()):   # its messages
                out = c.call(verify, shots[1], who, database, model,
                             threshold)
            c.true(isinstance(out, tuple) and len(out) == 2,
                   'return the tuple (dist, door_open)')
            dist, door_open = out
            c.close(dist, want, f'dist for {who!r}', 'the distance is '
                    'np.linalg.norm(encoding - database[identity]), not '
                    'its square')
            c.true(isinstance(door_open, (bool, np.bool_)),
                   f'door_open should be a bool, got '
                   f'{type(door_open).__name__}')
            c.true(bool(door_open) == (want < threshold),
                   f'door_open for {who!r} (dist {want:.3f}, threshold '
                   f'{threshold}) should be {want < threshold} — the door '
                   'opens when dist < threshold; use the threshold passed '
                   'in')


def who_is_it(who_is_it):
    """Shots of 'pia', 'quill' and 'nova' against a four-person database."""
    with check('who_is_it') as c:
        model, names, database, shots = _setup(4)
        for k in (2, 3, 0):
            enc = _encode(model, shots[k])
            dists = {n: float(np.linalg.norm(enc - e))
                     for n, e in database.items()}
            best = min(dists, key=dists.get)
            with contextlib.redirect_stdout(io.StringIO()):   # its messages
                out = c.call(who_is_it, shots[k], database, model, 0.4)
            c.true(isinstance(out, tuple) and len(out) == 2,
                   'return the tuple (min_dist, identity)')
            min_dist, identity = out
            order = list(database)
            why = ('keep the smallest distance seen so far, and its name, '
                   'over the whole database')
            if identity != best and identity == order[0]:
                why = ('the first entry was returned: is the return inside '
                       'the loop? (or was the largest distance kept?)')
            elif identity != best and identity == max(dists, key=dists.get):
                why = 'the farthest entry was kept: keep the smallest dist'
            elif identity != best and identity == order[-1]:
                why = ('the last entry won: compare each dist with min_dist '
                       '(the smallest so far) and update identity only '
                       'inside that if')
            c.true(identity == best, f'a photo of {names[k]!r} was named '
                   f'{identity!r}; the closest database entry is {best!r} '
                   f'— {why}')
            c.close(min_dist, dists[best], 'min_dist', 'min_dist is the '
                    'L2 distance to the closest entry')
