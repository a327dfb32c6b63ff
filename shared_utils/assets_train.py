"""The contract every self-trained model asset follows, and its helpers.

A model asset is a module (``shared_utils/assets_nmt.py`` is the first)
that defines:

- ``SEED``: the training seed;
- ``BUDGETS``: ``{'full': {...}, 'tiny': {...}}``, the settings of a real
  build and of a seconds-long one (the same code path, fewer examples and
  epochs) that CI runs so the training script cannot rot;
- ``build_model()``: a fresh, untrained model of the asset's structure (the
  structure the notebook's graded builder must produce);
- ``train(budget, path)``: seed everything with :func:`seeded`, make the
  training data, fit the model and save its weights to ``path`` with
  :func:`save_weights`; return the trained model;
- ``evaluate(path)``: load the weights into ``build_model()`` and return a
  dict of behavioural figures on held-out data (e.g. accuracy), with
  ``PASS``, a dict of the minimum each figure must reach.

Training is seeded (``keras.utils.set_random_seed``) and deterministic
(``tf.config.experimental.enable_op_determinism``), so one machine always
gives the same weights; other machines or thread counts may round
differently, so a model is never checked by a digest of freshly trained
weights, only by its behaviour (see ``shared_utils/README.md``).
"""
import hashlib
import importlib
import os
import tempfile
from pathlib import Path

from . import assets_core, data
from .assets_core import DataError

BUDGETS = ('full', 'tiny')


class TrainError(RuntimeError):
    """A model asset was trained or loaded wrongly."""


def check_budget(budget):
    """Raise ValueError unless `budget` is one of BUDGETS."""
    if budget not in BUDGETS:
        raise ValueError(f'budget must be one of {BUDGETS}, got {budget!r}')


def seeded(seed):
    """Seed Python, NumPy and TensorFlow and make TF ops deterministic.

    Op determinism stays on for the rest of the process (TensorFlow cannot
    switch it off), so tests run training in a subprocess.

    Args:
    - seed: int
    """
    import keras
    import tensorflow as tf
    keras.utils.set_random_seed(seed)
    tf.config.experimental.enable_op_determinism()


def file_sha256(path):
    """Return the SHA-256 hex digest of a file's bytes."""
    h = hashlib.sha256()
    with open(path, 'rb') as f:
        for block in iter(lambda: f.read(1 << 20), b''):
            h.update(block)
    return h.hexdigest()


def save_weights(model, path):
    """Save a Keras model's weights atomically (temporary file + rename).

    Args:
    - model: keras.Model
    - path: destination, ending in '.weights.h5'
    """
    path = Path(path)
    if not path.name.endswith('.weights.h5'):
        raise ValueError(f'{path}: weights files must end in .weights.h5')
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f'.{path.stem}.',
                               suffix='.weights.h5')
    os.close(fd)
    try:
        model.save_weights(tmp)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def load_weights(model, path):
    """Load weights into `model`; TrainError naming the file if they differ.

    Args:
    - model: keras.Model of the asset's structure (from build_model())
    - path: a '.weights.h5' file

    Returns:
    - model, with the weights loaded
    """
    if not Path(path).exists():
        raise TrainError(f'{path} does not exist: build it with '
                         f'`python -m shared_utils.assets build`.')
    try:
        model.load_weights(path)
    except (ValueError, OSError) as err:
        raise TrainError(
            f'{path} does not fit the model built by build_model() ({err}). '
            f'The file is damaged or was trained for another architecture: '
            f'rebuild it with `python -m shared_utils.assets build <name> '
            f'--force`, <name> being the asset that `python -m '
            f'shared_utils.assets list` shows for this file.') from None
    return model


def structure(model):
    """Return a model's structure as data: one (class name, output shape,
    parameter count) row per layer, and the total parameter count.

    Args:
    - model: keras.Model

    Returns:
    - rows: list of tuples (str, tuple, int)
    - total: int
    """
    rows = []
    for layer in model.layers:
        try:
            shape = tuple(layer.output.shape)
        except (AttributeError, ValueError):
            shape = ()
        rows.append((type(layer).__name__, shape, layer.count_params()))
    return rows, model.count_params()


class TrainedModel:
    """Weights trained by `module.train(budget, path)` (assets_train.py).

    Committed weights are checked by the file's SHA-256 (recorded when they
    were trained) and by behaviour (`module.evaluate` reaches
    `module.PASS`); built weights, which differ in the last bits between
    machines, by behaviour only. A tiny budget trains into the cache's
    `tiny/` folder and never touches the real weights.

    Args:
    - module: 'package.module' following the contract
    - file: weights file name, ending in '.weights.h5'
    - committed: True if the weights live in shared_utils/models/
    - sha256: recorded digest of the committed file
    """
    def __init__(self, module, file, committed, sha256=None):
        self.module, self.file = module, file
        self.committed, self.sha256 = committed, sha256
        self.name = module.rsplit('.', 1)[-1]   # the catalog sets its own

    def _mod(self):
        return importlib.import_module(self.module)

    def path(self, budget='full'):
        if budget == 'tiny':
            return data.cache_dir() / 'tiny' / self.file
        if self.committed:
            return assets_core.REPO / 'shared_utils' / 'models' / self.file
        return data.cache_dir() / 'models' / self.file

    def where(self):
        p = self.path()
        return str(p.relative_to(assets_core.REPO)) if self.committed else \
            f'cache: models/{self.file}'

    def paths(self):
        return [self.path()]

    def state(self):
        if self.path().exists():
            return 'committed' if self.committed else 'yes'
        return 'MISSING' if self.committed else 'no'

    def check_digest(self):
        path = self.path()
        rel = path.relative_to(assets_core.REPO)
        if not path.exists():
            raise DataError(f'{path} is missing: restore it with `git '
                            f'checkout -- {rel}`.')
        got = file_sha256(path)
        if got != self.sha256:
            raise DataError(
                f'{path} has sha256 {got[:16]}, recorded '
                f'{str(self.sha256)[:16]}: the file is damaged or was '
                f'retrained. Restore it with `git checkout -- {rel}`, or, '
                f'after a deliberate retraining, record the new digest in '
                f'shared_utils/assets_catalog.py.')

    def check_behaviour(self, path):
        mod = self._mod()
        figures = mod.evaluate(path)
        low = {k: (round(figures[k], 4), v) for k, v in mod.PASS.items()
               if figures[k] < v}
        if low:
            raise DataError(
                f'{path}: the model falls short on held-out data '
                f'({", ".join(f"{k} {g} < {v}" for k, (g, v) in low.items())}'
                f'). Retrain it with `python -m shared_utils.assets build '
                f'{self.name} --force`.')
        return ', '.join(f'{k} {v:.3f}' for k, v in figures.items())

    def check(self):
        if self.committed:
            self.check_digest()
        elif not self.path().exists():
            return 'not built yet (nothing to check)'
        return 'held-out ' + self.check_behaviour(self.path())

    def check_structure(self, path):
        """Load `path` into a fresh model; compare with build_model()."""
        mod = self._mod()
        want = structure(mod.build_model())
        got = structure(load_weights(mod.build_model(), path))
        if got != want:
            raise TrainError(f'{path}: structure {got} differs from '
                             f'build_model()\'s {want}')
        return f'{len(want[0])} layers, {want[1]:,} parameters'

    def build(self, budget, force):
        path = self.path(budget)
        if budget == 'full' and path.exists() and not force:
            return ('committed; ' if self.committed else 'cached; ') + \
                self.check()
        self._mod().train(budget, path)
        note = f'trained ({budget}): {self.check_structure(path)}'
        if budget == 'tiny':
            return note
        note += '; held-out ' + self.check_behaviour(path)
        if self.committed:
            note += (f'; new sha256 {file_sha256(path)}: record it in '
                     f'assets_catalog.py and commit the file')
        return note
