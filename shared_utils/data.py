"""Load the course's data sets, built offline by the project's own code.

A loader builds its data set with a seeded generator the first time it is
needed, writes it to the cache folder (``$DLS_CACHE`` when set, else
``shared_utils/_cache/``) and checks the arrays against SHA-256 digests
recorded in this module on every load, so every learner sees exactly the
same pictures. Nothing is downloaded.

One section per data set:

- helpers shared by all loaders (cache folder, digests, atomic writes);
- cat / non-cat pictures (C1W2, C1W4): `load_catvnoncat`,
  `catvnoncat_paths`;
- single photos for "try your own image": `sample_photo`, `load_image`.
"""
import hashlib
import os
import tempfile
from pathlib import Path

import h5py
import numpy as np
from PIL import Image

from . import catdata

# Library versions the recorded digests were made with.
RECORDED_WITH = 'Pillow 13.0.0, numpy 2.4.6'


class DataError(RuntimeError):
    """A data file is unreadable or its arrays differ from the record."""


# ---------------------------------------------------------------- helpers

def cache_dir():
    """Return the cache folder: $DLS_CACHE if set, else shared_utils/_cache."""
    env = os.environ.get('DLS_CACHE')
    return Path(env) if env else Path(__file__).resolve().parent / '_cache'


def digest(array):
    """Return the SHA-256 hex digest of an array's dtype, shape and values.

    Args:
    - array: numpy array of any shape

    Returns:
    - digest: string of 64 hex characters, independent of file layout
    """
    a = np.ascontiguousarray(array)
    h = hashlib.sha256(f'{a.dtype.str}{a.shape}'.encode())
    h.update(a.tobytes())
    return h.hexdigest()


def _versions():
    import PIL
    return f'Pillow {PIL.__version__}, numpy {np.__version__}'


def _verify(arrays, expected, path, fresh=False):
    """Raise DataError naming every array whose digest is not recorded."""
    bad = [f'{key} has sha256 {digest(a)[:16]} (recorded '
           f'{expected[key][:16]})'
           for key, a in arrays.items() if digest(a) != expected[key]]
    if not bad:
        return
    if fresh:
        msg = (f'Freshly generated {path.name}: {"; ".join(bad)}. The '
               f'generator no longer gives the recorded pictures.')
    else:
        msg = (f'{path}: {"; ".join(bad)}. The file is damaged or stale: '
               f'delete it (or the whole cache folder {path.parent}) and '
               f'load again to rebuild it.')
    if _versions() != RECORDED_WITH:
        msg += (f' Your {_versions()} differ from the versions the '
                f'checksums were recorded with ({RECORDED_WITH}): install '
                f'the versions pinned in requirements.txt.')
    else:
        msg += (f' If a rebuilt file still differs, check the Pillow and '
                f'numpy pins in requirements.txt ({RECORDED_WITH}) and '
                f'that shared_utils/catdata.py is unchanged.')
    raise DataError(msg)


def _write_h5(path, arrays):
    """Write arrays to an HDF5 file atomically (temporary file + rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f'.{path.name}.',
                               suffix='.tmp')
    os.close(fd)
    try:
        with h5py.File(tmp, 'w') as f:
            for key, value in arrays.items():
                f.create_dataset(key, data=value)
        os.chmod(tmp, 0o644)            # mkstemp makes it owner-only
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _read_h5(path, keys):
    """Read the named datasets of an HDF5 file; DataError if unreadable."""
    try:
        with h5py.File(path, 'r') as f:
            return {key: f[key][()] for key in keys}
    except (OSError, KeyError) as err:
        raise DataError(
            f'{path} cannot be read ({err}). Delete it and load again to '
            f'rebuild it.') from None


# ---------------------------------------------------------- cat / non-cat

CAT_CLASSES = np.array([b'non-cat', b'cat'], dtype='|S7')
# n, share of cats, seed; seeds from benchmarks/calibrate_catdata.py.
CAT_SPLITS = {'train': (209, 0.345, 14), 'test': (50, 0.66, 1007)}
CAT_CUE = 0.9
_CAT_SHA256 = {
    'train_set_x':
        '24db04a37e56ca1f6687f05cf26e0370b5f2ecc508d14ed327861d1eb8c39962',
    'train_set_y':
        'cc45e729876a8788f5be7331c4dc833322c67445228c8ab0b6d1ecd71a7ca350',
    'test_set_x':
        '23288acb399fd7ff00aa0b4d0fee643d2a63f25de205f2ada32ac8bd073941cb',
    'test_set_y':
        'd69ac41e5c62613c0e9bba92233171a3d54e59c806d6ce6cbf705dd4cbb56064',
    'list_classes':
        'dbdbe5ae1218590b5dce01cc60a5a1694b28f5f9f056da7e84819d2618c55482',
}


def make_cat_file(name):
    """Generate the arrays of one cat / non-cat file (the asset's maker).

    Args:
    - name: 'train_catvnoncat.h5' or 'test_catvnoncat.h5'

    Returns:
    - arrays: {'<split>_set_x': uint8 (n, 64, 64, 3), '<split>_set_y':
      int64 (n,), 'list_classes': CAT_CLASSES}
    """
    split = name.split('_')[0]
    n, cats, seed = CAT_SPLITS[split]
    x, y = catdata.make_split(n, cats, seed, cue=CAT_CUE)
    return {f'{split}_set_x': x, f'{split}_set_y': y,
            'list_classes': CAT_CLASSES}


def _cat_split(split):
    """Return (path, verified arrays) of one split, building it if missing
    (through the asset registry, shared_utils/assets.py)."""
    from . import assets
    return assets.cached_h5('catvnoncat', f'{split}_catvnoncat.h5')


def catvnoncat_paths():
    """Return the paths of the cat / non-cat HDF5 files, building them.

    The files hold the keys train_set_x, train_set_y, list_classes and
    test_set_x, test_set_y, list_classes, as the course's files do.

    Returns:
    - train_path: pathlib.Path of train_catvnoncat.h5
    - test_path: pathlib.Path of test_catvnoncat.h5
    """
    return _cat_split('train')[0], _cat_split('test')[0]


def load_catvnoncat():
    """Load the cartoon cat / non-cat pictures (see shared_utils.catdata).

    Returns:
    - train_x_orig: uint8 array (209, 64, 64, 3), about 34 % cats
    - train_y: int64 array (1, 209), 1 for cat and 0 for non-cat
    - test_x_orig: uint8 array (50, 64, 64, 3), about 66 % cats
    - test_y: int64 array (1, 50)
    - classes: bytes array (2,) of dtype |S7: [b'non-cat', b'cat']
    """
    train, test = _cat_split('train')[1], _cat_split('test')[1]
    return (train['train_set_x'], train['train_set_y'].reshape(1, -1),
            test['test_set_x'], test['test_set_y'].reshape(1, -1),
            test['list_classes'])


# ----------------------------------------------------------------- photos

def load_image(path_or_array, size=64):
    """Centre-crop a picture to a square and resize it.

    Args:
    - path_or_array: path of any image Pillow can read, or an array of
      shape (H, W), (H, W, 3) or (H, W, 4); float arrays with values up
      to 1 are taken as in [0, 1], other arrays as in [0, 255]
    - size: side of the result in pixels

    Returns:
    - image: uint8 array of shape (size, size, 3)
    """
    if isinstance(path_or_array, (str, os.PathLike)):
        with Image.open(path_or_array) as im:
            im = im.convert('RGB')
    else:
        a = np.asarray(path_or_array)
        if a.dtype != np.uint8:
            a = a.astype(np.float64)
            a = a * 255 if a.max() <= 1 else a
            a = np.round(np.clip(a, 0, 255)).astype(np.uint8)
        im = Image.fromarray(a).convert('RGB')
    w, h = im.size
    side = min(w, h)
    left, top = (w - side) // 2, (h - side) // 2
    im = im.crop((left, top, left + side, top + side))
    im = im.resize((size, size), Image.Resampling.LANCZOS)
    return np.array(im, dtype=np.uint8)


def sample_photo(size=64):
    """Return scikit-image's 'chelsea' cat photo as a square picture.

    The photo ships inside the scikit-image wheel, so nothing is fetched.

    Args:
    - size: side of the result in pixels

    Returns:
    - image: uint8 array of shape (size, size, 3)
    """
    from skimage import data as skdata
    return load_image(skdata.chelsea(), size)
from .moons import load_moons  # noqa: E402,F401  (C2_W2A1)
from .signs import load_signs, signs_paths  # noqa: E402,F401  (C2_W3A1)
from .planar import load_extra_datasets, load_planar_dataset  # noqa: E402,F401
from .toy2d import load_circles, load_vineyard  # noqa: E402,F401  (C2_W1)
from .happy import happy_paths, load_happy_dataset  # noqa: E402,F401  (C4_W1A2)
