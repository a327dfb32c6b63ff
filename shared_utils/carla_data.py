"""The street scenes of C4_W3A2 as CARLA-style camera and mask PNGs.

1,060 scenes drawn by ``street_scenes`` at 480x640, shrunk to 96x128
(pictures by averaging 5x5 blocks, masks by taking one pixel of each
block, so every mask value stays a class id) and written to the cache
folder as ``carla/data/CameraRGB/000000.png ...`` and
``carla/data/CameraMask/000000.png ...`` with the same file names. As in
the CARLA simulator's segmentation camera, a mask PNG is an RGB picture
whose red channel holds the class id (0-22, ``street_scenes.CLASSES``);
green and blue are 0, so taking the maximum over the channels gives the id.

Scenes ``HELD_OUT`` (the last 100 file names) are never used to train the
pretrained U-Net (``assets_unet``): they are the held-out set the notebook
measures it on.

The folder is built on first use (about 40 s of CPU) and checked on every
use against SHA-256 digests of the decoded pixels (``PIXELS``); a damaged
or stale folder is rebuilt.
"""
import shutil
import tempfile
from pathlib import Path

import numpy as np
from PIL import Image

from . import data, street_scenes
from .png_folder import PngFolder

SEED = 33_000
COUNT = 1060
HELD_OUT_COUNT = 100
FULL = (480, 640)            # rendered (height, width)
SIZE = (96, 128)             # stored (height, width)
FOLDERS = ('CameraRGB', 'CameraMask')
PIXELS = {'CameraRGB': 'fcdd852047fa59409cf6382ce7bfd66a'
                        'd37c4fedff83c94ce7d98b203f2b42bd',
          'CameraMask': '72f15efc72e7afdc6f55806447bea7ba'
                         '1d0d49df14a5015cb9533bb3c3577ab0'}


def names():
    """All file names, in order: ['000000.png', ...]."""
    return [f'{i:06d}.png' for i in range(COUNT)]


def held_out_names():
    """The file names kept out of the pretrained model's training."""
    return names()[-HELD_OUT_COUNT:]


def render_pair(i, size=SIZE, seed=SEED):
    """Scene `i` at `size`: (rgb uint8 (h, w, 3), mask uint8 (h, w)).
    Another `seed` gives other scenes (never written to the folder)."""
    rng = np.random.default_rng([seed, i])
    rgb, mask, _ = street_scenes.render_scene(rng, *FULL)
    h, w = size
    small = Image.fromarray(rgb).resize((w, h), Image.Resampling.BOX)
    labels = Image.fromarray(mask).resize((w, h), Image.Resampling.NEAREST)
    return np.asarray(small), np.asarray(labels)


def folder():
    """The cache folder holding CameraRGB/ and CameraMask/."""
    return data.cache_dir() / 'carla' / 'data'


def _write(root):
    """Render every scene into `root`, atomically (temp folder + rename)."""
    root.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=root.parent, prefix='.data.'))
    try:
        pairs = [render_pair(i) for i in range(COUNT)]
        rgb = np.stack([p[0] for p in pairs])
        masks = np.zeros(rgb.shape, np.uint8)
        masks[..., 0] = np.stack([p[1] for p in pairs])
        arrays = {'CameraRGB': rgb, 'CameraMask': masks}
        data._verify(arrays, PIXELS, tmp, fresh=True)
        for name in FOLDERS:
            (tmp / name).mkdir()
            for file, img in zip(names(), arrays[name]):
                Image.fromarray(img).save(tmp / name / file)
        if root.exists():
            shutil.rmtree(root)
        tmp.rename(root)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp)


def carla_dataset_dir(rebuild=False):
    """Return the folder of CameraRGB/ and CameraMask/, built and checked.

    Args:
    - rebuild: write the pictures again even if they are there

    Returns:
    - path: str, e.g. '.../carla/data' (add '/CameraRGB/' for pictures)
    """
    return str(RECIPE.ensure(rebuild))


def load_arrays(file_names=None):
    """Pictures and masks as arrays (for scripts and tests).

    Returns:
    - x: float32 (m, 96, 128, 3) in [0, 1]; y: uint8 (m, 96, 128)
    """
    root = Path(carla_dataset_dir())
    file_names = names() if file_names is None else file_names
    x = np.stack([np.asarray(Image.open(root / 'CameraRGB' / f))
                  for f in file_names]).astype(np.float32) / 255.0
    y = np.stack([np.asarray(Image.open(root / 'CameraMask' / f))[..., 0]
                  for f in file_names])
    return x, y


RECIPE = PngFolder('cache: carla/data/{CameraRGB,CameraMask}/*.png', folder,
                   FOLDERS, PIXELS, _write,
                   f'{COUNT} picture / mask pairs')
