"""The Happy House: 64x64 portraits of people smiling (1) or not (0).

Every picture shows a different synthetic person (shared_utils.portraits)
in front of a wall of the house: smiling ('smile' or 'grin') for label 1;
'neutral', 'frown' or 'o' for label 0. The files have the course's layout:
train_happy.h5 (train_set_x uint8 (600, 64, 64, 3), train_set_y int64
(600,), list_classes [0, 1]) and test_happy.h5 (test_set_x (150, 64, 64,
3), test_set_y (150,), list_classes).

The mouth's size and line width, how far a smile curves (portraits.SMILE,
MOUTH) and how much the pose varies (JITTER, ZOOM) were set with
benchmarks/calibrate_happy.py. Lips are darker than the skin for some
people and lighter for others, so only the mouth's shape tells a smile.
Measured with the calibration script (600 fresh test portraits, 20 epochs
of 16) with JITTER 0.25: HappyModel 0.945 and 0.938 for weight seeds 2
and 3 (0.888 for seed 1 after 10 epochs), where JITTER 0.5 gave 0.79-0.89
after 10 epochs and one seed in three collapsed to 0.5 under batch norm's
running statistics; a logistic regression on the raw pixels 0.64-0.75,
even with its L2 strength chosen on the test set.
"""
import numpy as np

from . import portraits

HAPPY_CLASSES = np.array([0, 1], dtype=np.int64)
# n, seed of each split.
HAPPY_SPLITS = {'train': (600, 61), 'test': (150, 62)}
_HAPPY_SHA256 = {
    'train_set_x':
        '7a64a62dd6fae2a0c640c788e05414a6eeb7773c0afd8d1c3db49cd78f3d38ef',
    'train_set_y':
        '3e1a121d2048915485c970ed6fd5e08e3609c471f7a98fc5e9fb820bf0d4ea91',
    'test_set_x':
        '636f01c5ae3f0bad2d476c8c9a71e24bcd840dff2aec624d5609303ac8bc2cdd',
    'test_set_y':
        '6784e0eacf0cb4dcf866c313ff8cf5ae59aaead2e695fd6f9aea2ca3fe42ec6d',
    'list_classes':
        'e54cef6dddc97f4a58ac8db543f8d47be5cdc5ba3f5839cc7404a72dd94f3e70',
}
JITTER = 0.25                    # pose variation (portraits.render)
ZOOM = 1.7                       # head size (portraits.render)


def make_split(n, seed, size=64):
    """Render n portraits, half of them smiling (as near as n allows).

    Picture i depends only on (seed, i) and its label; each is a new person.

    Args:
    - n: number of pictures
    - seed: integer seed of the whole split
    - size: side of a picture in pixels

    Returns:
    - x: uint8 array of shape (n, size, size, 3)
    - y: int64 array of shape (n,), 1 for smiling, 0 for not
    """
    rng = np.random.default_rng(seed)
    y = rng.permutation(np.arange(n) % 2).astype(np.int64)
    x = np.empty((n, size, size, 3), dtype=np.uint8)
    for i in range(n):
        r = np.random.default_rng([seed, i])
        person = portraits.random_identity(r)
        kind = portraits.random_expression(r, bool(y[i]))
        x[i] = portraits.render(person, r, kind, size=size,
                                jitter=JITTER, zoom=ZOOM)
    return x, y


def make_happy_file(name):
    """Generate the arrays of one Happy House file (the asset's maker).

    Args:
    - name: 'train_happy.h5' or 'test_happy.h5'

    Returns:
    - arrays: {'<split>_set_x': uint8 (n, 64, 64, 3), '<split>_set_y':
      int64 (n,), 'list_classes': HAPPY_CLASSES}
    """
    split = name.split('_')[0]
    n, seed = HAPPY_SPLITS[split]
    x, y = make_split(n, seed)
    return {f'{split}_set_x': x, f'{split}_set_y': y,
            'list_classes': HAPPY_CLASSES}


def _happy_split(split):
    """(path, verified arrays) of one split, built on first use through
    the asset registry (shared_utils/assets.py)."""
    from . import assets
    return assets.cached_h5('happy_house', f'{split}_happy.h5')


def happy_paths():
    """Return the paths of train_happy.h5 and test_happy.h5, building
    them if needed."""
    return _happy_split('train')[0], _happy_split('test')[0]


def load_happy_dataset():
    """Load the Happy House portraits (see shared_utils.happy).

    Returns:
    - train_x_orig: uint8 array (600, 64, 64, 3)
    - train_y_orig: int64 array (1, 600), 1 for smiling, 0 for not
    - test_x_orig: uint8 array (150, 64, 64, 3)
    - test_y_orig: int64 array (1, 150)
    - classes: int64 array (2,): [0, 1]
    """
    train, test = _happy_split('train')[1], _happy_split('test')[1]
    return (train['train_set_x'], train['train_set_y'].reshape(1, -1),
            test['test_set_x'], test['test_set_y'].reshape(1, -1),
            test['list_classes'])
