"""A data set kept as folders of PNG files in the cache, drawn by a seeded
generator and checked by the digests of its decoded pixels (the alpaca /
not-alpaca class folders of C4_W2A2, CARLA-style CameraRGB / CameraMask of
C4_W3A2). One object is both the loader's helper and the catalogue's recipe.
"""
import numpy as np
from PIL import Image

from . import data


def read_pngs(path):
    """Every PNG of a folder (sorted by name) as one uint8 RGB array."""
    files = sorted(path.glob('*.png'))
    return np.stack([np.asarray(Image.open(f).convert('RGB'))
                     for f in files]) if files else np.zeros((0,))


class PngFolder:
    """Args:
    - where: the catalogue's words for where it lives
    - folder: () -> Path of the folder holding the sub-folders
    - subfolders: names of the sub-folders, each one digest
    - digests: {sub-folder: sha256 of its decoded pixels}
    - write: (root) -> None, draws every picture into root
    - what: the catalogue's words for its contents, e.g. '327 pictures'
    """

    def __init__(self, where, folder, subfolders, digests, write, what):
        self._where, self.folder = where, folder
        self.subfolders, self.digests = tuple(subfolders), digests
        self.write, self.what = write, what

    def ensure(self, rebuild=False):
        """The folder, drawn when missing, stale or damaged (or asked)."""
        root = self.folder()
        if rebuild or self.state() == 'no':
            self.write(root)
        try:
            self._verify(root)
        except data.DataError:
            self.write(root)        # a stale or damaged folder: draw again
        return root

    def _verify(self, root):
        data._verify({n: read_pngs(root / n) for n in self.subfolders},
                     self.digests, root)

    # ------------------------------------------------ the catalogue's recipe
    def where(self):
        return self._where

    def paths(self):
        return [self.folder()]

    def state(self):
        return 'yes' if all((self.folder() / n).is_dir()
                            for n in self.subfolders) else 'no'

    def check(self):
        if self.state() == 'no':
            return 'not built yet (nothing to check)'
        self._verify(self.folder())
        return f'{self.what} match their pixel digests'

    def build(self, budget, force):
        root = self.ensure(rebuild=force)
        return f'{self.what} in {root}; ' + self.check()
