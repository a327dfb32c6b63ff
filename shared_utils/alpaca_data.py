"""The alpaca / not-alpaca pictures of C4_W2A2, as a folder of PNGs.

327 pictures at 96x96 drawn by ``menagerie``: 150 alpacas (woolly,
long-necked, in seven fleece colours) and 177 others: sheep, horses,
giraffes, cows, dogs, goats and empty fields. They are written to the cache
folder as ``alpaca/dataset/alpaca/*.png`` and ``alpaca/dataset/not
alpaca/*.png``, so ``keras.utils.image_dataset_from_directory`` reads them
as it would any photo folder (classes from the sub-folder names, in
alphabetical order: 'alpaca' is 0, 'not alpaca' is 1).

The folder is built on first use and checked on every use against the
SHA-256 digests of the decoded pixels of each class (``PIXELS``), so a
damaged or stale file is found and the folder rebuilt.
"""
import shutil
import tempfile
from pathlib import Path

import numpy as np
from PIL import Image

from . import data, menagerie
from .png_folder import PngFolder

SEED = 42_000
SIZE = 96
COUNTS = {'alpaca': 150, 'not alpaca': 177}
OTHERS = ('sheep', 'horse', 'giraffe', 'cow', 'dog', 'goat', 'field')
OTHER_P = (0.22, 0.18, 0.12, 0.12, 0.12, 0.12, 0.12)
PIXELS = {'alpaca': 'cb9d730c3ab4b88b773c8ed023f50e5b'
                    '90fef798f3b4d9da3594751b1a4e756e',
          'not alpaca': 'cc93f6bdf938c8333a121462e0ecc66f'
                        '0957b1a0c1a49ce15634d1fb823b867d'}


def kinds():
    """The kind drawn in every picture: {class: [kind per picture]}."""
    rng = np.random.default_rng(SEED)
    others = rng.choice(len(OTHERS), size=COUNTS['not alpaca'], p=OTHER_P)
    return {'alpaca': ['alpaca'] * COUNTS['alpaca'],
            'not alpaca': [OTHERS[k] for k in others]}


def render_class(name):
    """All pictures of one class: uint8 (n, SIZE, SIZE, 3)."""
    offset = 0 if name == 'alpaca' else 1
    return np.stack([menagerie.render(kind, np.random.default_rng(
        [SEED, offset, i]), SIZE) for i, kind in enumerate(kinds()[name])])


def folder():
    """The cache folder holding the class folders ('.../alpaca/dataset')."""
    return data.cache_dir() / 'alpaca' / 'dataset'


def _write(root):
    """Render every class into `root`, atomically (temp folder + rename)."""
    root.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=root.parent, prefix='.dataset.'))
    try:
        for name in COUNTS:
            images = render_class(name)
            data._verify({name: images}, PIXELS, tmp / name, fresh=True)
            (tmp / name).mkdir()
            stem = name.replace(' ', '_')
            for i, img in enumerate(images):
                Image.fromarray(img).save(tmp / name / f'{stem}_{i:03d}.png')
        if root.exists():
            shutil.rmtree(root)
        tmp.rename(root)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp)


def alpaca_dataset_dir(rebuild=False):
    """Return the folder of the two class folders, built and checked.

    Args:
    - rebuild: write the pictures again even if they are there

    Returns:
    - path: str, the folder to give image_dataset_from_directory
    """
    return str(RECIPE.ensure(rebuild))


def split_arrays(image_size=(SIZE, SIZE), seed=42):
    """The notebook's training and validation splits as numpy arrays.

    Returns:
    - (x_train, y_train), (x_val, y_val): float32 pictures in 0..255 of
      shape (m, *image_size, 3) and labels (m,) with 1 for 'not alpaca'
    """
    import keras
    out = []
    for subset in ('training', 'validation'):
        ds = keras.utils.image_dataset_from_directory(
            alpaca_dataset_dir(), shuffle=True, batch_size=32,
            image_size=image_size, validation_split=0.2, subset=subset,
            seed=seed, verbose=False)
        xs, ys = zip(*[(x.numpy(), y.numpy()) for x, y in ds])
        out.append((np.concatenate(xs), np.concatenate(ys)))
    return out


RECIPE = PngFolder('cache: alpaca/dataset/{alpaca,not alpaca}/*.png', folder,
                   COUNTS, PIXELS, _write,
                   f'{sum(COUNTS.values())} pictures')
