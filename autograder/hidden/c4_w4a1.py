"""Hidden checks for C4_W4A1, Face Recognition.

`triplet_loss` gets fresh batches (sizes, margins, triples on both sides of
the margin), as a list of three arrays and as one stacked tensor of shape
(3, m, d), as Keras would pass `y_pred`. `verify` and `who_is_it` get a
small stand-in encoder made in their own process from its Keras config
(``keras.layers.deserialize``, seeded weights, fresh input size and
encoding length), photos as arrays (``img_to_encoding`` takes a file name
or the photo itself), a database of fresh people and thresholds other
than the default: the checks compare the distances and decisions with our
reference on people and distances the notebook never showed.
"""
import json

import numpy as np

from ..checking import Abort, Registry, _as_data
from ..sandbox_child import KerasMake

checks = Registry()
NAMES = ('ada', 'basil', 'cleo', 'dario', 'elif', 'fenna', 'gus', 'hana',
         'ivo', 'juno')


# ------------------------------------------------------------ triplet_loss
def _triples(t, m, d, hard_share):
    """m triples of d-number encodings: a share of them inside the margin
    (a far positive, a near negative), the others keeping it easily."""
    a = t.rng.normal(0, 1, (m, d))
    a /= np.linalg.norm(a, axis=1, keepdims=True)
    k = int(round(m * hard_share))
    hard = (np.arange(m) < k)[t.rng.permutation(m)][:, None]
    p = a + np.where(hard, 0.9, 0.1) * t.rng.normal(0, 1, (m, d)) / np.sqrt(d)
    n = a + np.where(hard, 0.1, 1.2) * t.rng.normal(0, 1, (m, d)) / np.sqrt(d)
    return [v.astype(np.float32) for v in (a, p, n)]


def _loss_cases(t):
    """(label, args, tensors) of the batches: mostly easy triples (the
    summed margin terms are negative), mostly hard ones, one stacked
    (3, m, d) tensor, and a batch where every triple keeps the margin."""
    cases = []
    for share, stacked in ((1 / 3, False), (2 / 3, True)):
        m, d = int(t.rng.integers(6, 12)), int(t.rng.integers(3, 9))
        alpha = float(np.round(t.rng.uniform(0.1, 0.6), 3))
        a, p, n = _triples(t, m, d, share)
        y_pred = np.stack([a, p, n]) if stacked else [a, p, n]
        form = 'one (3, m, d) tensor' if stacked else 'a list'
        cases.append((f'triplet_loss({form} of 3 x ({m}, {d}), '
                      f'alpha={alpha})', (None, y_pred, alpha), stacked))
    m, d = int(t.rng.integers(4, 9)), int(t.rng.integers(3, 7))
    a = t.rng.normal(0, 1, (m, d)).astype(np.float32)
    cases.append(('triplet_loss (every triple keeps the margin)',
                  (None, [a, a + np.float32(0.01), a + np.float32(3.0)], 0.3),
                  False))
    return cases


def _matches_all(fn, cases, got):
    try:
        for (_, args, _), value in zip(cases, got):
            if value is None:
                continue
            alt = _as_data(fn)(*args)
            if not np.allclose(np.asarray(value, float), np.asarray(alt, float),
                               rtol=1e-4, atol=1e-5):
                return False
    except Exception:  # noqa: BLE001 (mutants may crash)
        return False
    return True


@checks('triplet_loss')
def triplet_loss(t):
    cases = _loss_cases(t)
    got = []
    for label, args, stacked in cases:
        try:
            value = t.call(*args, tensors=stacked, label=f'{label} runs')
        except Abort:
            value = None
        ok = value is not None and np.size(value) == 1
        got.append(value if ok else None)
    refs = [t.ref(*args) for _, args, _ in cases]
    wrong = any(v is None or not np.allclose(float(v), r, rtol=1e-4,
                                             atol=1e-5)
                for v, r in zip(got, refs))
    # the likely cause: a bug that gives the learner's values on every batch
    cause = next((c for c, fn in t.mutants if _matches_all(fn, cases, got)),
                 None) if wrong else None
    for (label, args, _), value, expected in zip(cases, got, refs):
        with t.case():
            t.require(f'{label}: returns one number', value is not None,
                      'sum the per-triple losses over the batch with '
                      'tf.reduce_sum (one number), or see the error above')
            t.close(f'{label}: value', value, expected, rtol=1e-4,
                    atol=1e-5, hint=f'likely cause: {cause}' if cause else
                    'loss = sum over the triples of max(pos_dist - neg_dist '
                    '+ alpha, 0), distances squared and summed over the '
                    'encoding axis (axis=-1)')


# ------------------------------------------------------ verify, who_is_it
_FIXTURES = {}


def _encoder(size, dim, seed):
    """The stand-in encoder as a marker (rebuilt, same seeded weights, on
    the side that runs the call) and as a model here."""
    key = (size, dim, seed)
    if key not in _FIXTURES:
        import keras

        from shared_utils.checks.c4_w4a1 import toy_encoder
        model = toy_encoder(size, dim, seed)
        config = json.loads(json.dumps(
            keras.saving.serialize_keras_object(model)))
        _FIXTURES[key] = (config, model)
    config, model = _FIXTURES[key]
    return KerasMake('layers', 'deserialize', config=config), model


def _world(t, n_people):
    """An encoder, a database of n_people and two new photos of each.

    Returns (marker, names, database, photos (n_people, 2, ...),
    distances (n_people photo 0, n_people) from our encodings)."""
    from shared_utils.checks.c4_w4a1 import toy_people
    from shared_utils.faces import img_to_encoding
    size, dim = int(t.rng.integers(6, 11)), int(t.rng.integers(8, 24))
    marker, model = _encoder(size, dim, int(t.rng.integers(1, 10_000)))
    faces, photos = toy_people(t.rng, n_people, size, shots=2,
                               noise=float(t.rng.uniform(10, 30)))
    names = [str(x) for x in t.rng.permutation(NAMES)[:n_people]]
    database = {name: img_to_encoding(face, model)
                for name, face in zip(names, faces)}
    return marker, model, names, database, photos


def _num(label, t, value):
    t.require(label, isinstance(value, (int, float, np.floating,
                                        np.integer, np.ndarray)) and
              np.size(value) == 1,
              f'expected one number, got {type(value).__name__}')


@checks('verify')
def verify(t):
    from shared_utils.faces import img_to_encoding
    marker, model, names, database, photos = _world(t, 4)
    claims = [(photos[0, 0], names[0]), (photos[1, 1], names[2]),
              (photos[2, 0], names[2]), (photos[3, 1], names[0])]
    dists = [float(np.linalg.norm(img_to_encoding(p, model) - database[n]))
             for p, n in claims]
    # a threshold that lets the two true claims in and keeps the two false
    # ones out, away from every distance (and not the default 0.7)
    inside = max(dists[0], dists[2])
    outside = min(dists[1], dists[3])
    threshold = float(np.round((inside + outside) / 2, 4)) \
        if inside < outside else float(np.round(inside + 0.01, 4))
    if abs(threshold - 0.7) < 0.02:
        threshold = float(np.round(threshold + 0.015, 4))
    for k, (photo, name) in enumerate(claims):
        args = (photo, name, database, marker, threshold)
        label = f'verify(claim {k + 1}: {name!r}, threshold={threshold})'
        with t.case():
            value = t.call(*args, label=f'{label} runs')
            dist, door_open = t.unpack(f'{label}: returns (dist, door_open)',
                                       value, 2)
            e_dist, e_open = t.ref(*args)
            _num(f'{label}: dist is a number', t, dist)
            t.close(f'{label}: dist', dist, e_dist,
                    via=lambda f: f(*args)[0], rtol=1e-4, atol=1e-6,
                    hint='dist is np.linalg.norm(encoding - '
                         'database[identity]) for the encoding of the photo '
                         'passed in')
            t.check(f'{label}: door_open is a bool',
                    isinstance(door_open, (bool, np.bool_)),
                    f'got {type(door_open).__name__} — use dist < threshold',
                    weight=1)
            t.close(f'{label}: door_open', door_open, e_open,
                    via=lambda f: f(*args)[1],
                    hint='the door opens when dist < threshold (the '
                         'threshold passed in)')


def _name_cause(t, identity, min_dist, args):
    """The first mutant that returns the learner's (wrong) name and
    distance, else the first that returns the name."""
    named = []
    for cause, fn in t.mutants:
        try:
            alt_dist, alt_name = _as_data(fn)(*args)
        except Exception:  # noqa: BLE001 (mutants may crash)
            continue
        if alt_name != identity:
            continue
        try:
            if np.isclose(float(alt_dist), float(min_dist), rtol=1e-4):
                return cause
        except (TypeError, ValueError):
            pass
        named.append(cause)
    return named[0] if named else None


@checks('who_is_it')
def who_is_it(t):
    marker, model, names, database, photos = _world(
        t, int(t.rng.integers(5, 8)))
    n = len(names)
    from shared_utils.faces import img_to_encoding

    def farthest(photo):
        enc = img_to_encoding(photo, model)
        return max(database, key=lambda m: np.linalg.norm(enc - database[m]))
    # a photo of an entry that is neither first nor last, whose farthest
    # entry is neither first nor last either (so that returning the first,
    # the last or the farthest name are different bugs), then the first
    picks = [(k, s) for k in range(1, n - 1) for s in range(2)
             if farthest(photos[k, s]) not in (names[0], names[-1])]
    picks = [picks[int(t.rng.integers(len(picks)))]] if picks else \
        [(int(t.rng.integers(1, n - 1)), 0)]
    picks += [(int(t.rng.integers(1, n - 1)), 1), (0, 0)]
    for k, shot in picks:
        photo = photos[k, shot]
        threshold = float(np.round(t.rng.uniform(0.3, 1.2), 3))
        args = (photo, database, marker, threshold)
        label = f'who_is_it(a photo of entry {k + 1} of {n})'
        with t.case():
            value = t.call(*args, label=f'{label} runs')
            min_dist, identity = t.unpack(
                f'{label}: returns (min_dist, identity)', value, 2)
            e_dist, e_identity = t.ref(*args)
            ok = identity == e_identity
            cause = None if ok else _name_cause(t, identity, min_dist, args)
            t.check(f'{label}: identity', ok,
                    f'expected {e_identity!r}, got {identity!r} — ' + (
                        f'likely cause: {cause}' if cause else
                        'return the name of the database entry with the '
                        'smallest distance'), weight=2)
            _num(f'{label}: min_dist is a number', t, min_dist)
            t.close(f'{label}: min_dist', min_dist, e_dist,
                    via=lambda f: f(*args)[0], rtol=1e-4, atol=1e-6,
                    hint='min_dist is the L2 distance to the closest '
                         'database entry')
