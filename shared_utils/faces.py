"""Synthetic people for face recognition (C4_W4A1), and their encoder.

Every person is a :class:`portraits.Identity` drawn from a seed; every
photo of that person is a fresh :func:`portraits.render` call: the head
moves, turns and tilts, the expression, light, background, blur and
camera noise change. People are split by seed into three groups that
never meet:

- ``train``: the people the encoder learned from (``assets_faces.py``);
- ``val``: people used only to choose the verification threshold;
- ``test``: held-out people: the notebook's database and camera shots.

The encoder (:func:`build_encoder`) maps a 64x64x3 photo to a 128-number
vector of length 1; its weights are committed
(``shared_utils/models/face_encoder.weights.h5``). :func:`img_to_encoding`
is the helper the notebook's graded functions call.
"""
from pathlib import Path

import numpy as np
from PIL import Image

from . import portraits

SIZE = 64                 # photos are SIZE x SIZE x 3 (channels last)
EMBED = 128               # length of an encoding
ZOOM = 1.45               # the face fills most of the photo
JITTER = 1.0              # full pose variation (portraits.render)
FACE_SEED = 404           # identities are identity([FACE_SEED, group, i])
GROUPS = {'train': 1, 'val': 2, 'test': 3}
MODELS = Path(__file__).resolve().parent / 'models'
WEIGHTS = MODELS / 'face_encoder.weights.h5'

# The held-out people of the notebook's database: names from our own list.
NAMES = ('amara', 'bjorn', 'chiara', 'dmitri', 'esme', 'farid', 'greta',
         'hiroshi', 'ines', 'jonah', 'kalani', 'lucien')


def person(group, i):
    """The i-th person of a group ('train', 'val' or 'test')."""
    return portraits.identity([FACE_SEED, GROUPS[group], int(i)])


def photo(group, i, shot):
    """Photo number `shot` of person i of `group`: uint8 (SIZE, SIZE, 3).

    The same arguments always give the same photo.
    """
    rng = np.random.default_rng([FACE_SEED, GROUPS[group], int(i), 7,
                                 int(shot)])
    kind = (portraits.SMILING + portraits.NOT_SMILING)[rng.integers(5)]
    return portraits.render(person(group, i), rng, kind, size=SIZE,
                            jitter=JITTER, zoom=ZOOM)


def photos(group, people, shots, first_shot=0):
    """Photos of several people.

    Args:
    - group: 'train', 'val' or 'test'
    - people: iterable of person indices
    - shots: photos per person
    - first_shot: index of the first photo of each person

    Returns:
    - x: uint8 array (len(people) * shots, SIZE, SIZE, 3), person by person
    - y: int array of person indices, same order
    """
    people = list(people)
    x = np.stack([photo(group, i, s) for i in people
                  for s in range(first_shot, first_shot + shots)])
    y = np.repeat(np.asarray(people), shots)
    return x, y


# ----------------------------------------------------------------- encoder
def _conv(x, filters, kernel, name, strides=1):
    from keras import layers
    x = layers.Conv2D(filters, kernel, strides=strides, padding='same',
                      use_bias=False, name=name)(x)
    x = layers.BatchNormalization(name=name + '_bn')(x)
    return layers.Activation('relu', name=name + '_relu')(x)


def _inception(x, f, name):
    """An Inception block: 1x1, 3x3 and two-3x3 (5x5-like) towers and a
    pooled 1x1 tower side by side, joined along the channels."""
    from keras import layers
    a = _conv(x, f, 1, name + '_1x1')
    b = _conv(_conv(x, f // 2, 1, name + '_3r'), f, 3, name + '_3x3')
    c = _conv(_conv(_conv(x, f // 4, 1, name + '_5r'), f // 2, 3,
                    name + '_5a'), f // 2, 3, name + '_5b')
    d = layers.MaxPooling2D(3, strides=1, padding='same',
                            name=name + '_pool')(x)
    d = _conv(d, f // 2, 1, name + '_pp')
    return layers.Concatenate(name=name + '_cat')([a, b, c, d])


def build_encoder(size=SIZE):
    """A small Inception-style encoder: (None, size, size, 3) floats in
    [0, 1] -> (None, 128), each row of length 1 (about 0.3 M
    parameters)."""
    import keras
    from keras import layers
    x_in = keras.Input((size, size, 3), name='photo')
    x = _conv(x_in, 32, 3, 'stem1', strides=2)          # 32x32
    x = layers.MaxPooling2D(2, name='pool1')(x)         # 16x16
    x = _conv(x, 64, 3, 'stem2')
    x = _inception(x, 48, 'mix1')                       # 144 channels
    x = layers.MaxPooling2D(2, name='pool2')(x)         # 8x8
    x = _inception(x, 80, 'mix2')                       # 240 channels
    x = layers.MaxPooling2D(2, name='pool3')(x)         # 4x4
    x = _conv(x, 160, 3, 'top')
    x = layers.GlobalAveragePooling2D(name='gap')(x)
    x = layers.Dense(EMBED, name='embedding')(x)
    x = layers.UnitNormalization(name='l2_norm')(x)
    return keras.Model(x_in, x, name='face_encoder')


def load_encoder(path=WEIGHTS):
    """The trained encoder (committed weights), ready to encode photos."""
    model = build_encoder()
    model.load_weights(str(path))
    return model


# ----------------------------------------------------------------- helper
def load_image(image_path, size):
    """A photo as floats in [0, 1], shape (size, size, 3).

    `image_path` is a file name, or the photo itself as an (H, W, 3)
    array (uint8 0..255, or floats in [0, 1])."""
    if isinstance(image_path, (str, Path)):
        with Image.open(image_path) as img:
            arr = np.asarray(img.convert('RGB'))
    else:
        arr = np.asarray(image_path)
    if arr.dtype != np.uint8:
        arr = np.round(np.clip(arr, 0, 1) * 255).astype(np.uint8)
    if arr.shape[:2] != (size, size):
        arr = np.asarray(Image.fromarray(arr).resize(
            (size, size), Image.Resampling.BILINEAR))
    return arr.astype(np.float32) / 255.0


def img_to_encoding(image_path, model):
    """Encode one photo with `model`.

    Args:
    - image_path: a photo's file name (or the photo as an array)
    - model: a Keras model taking (None, H, W, 3) floats in [0, 1]

    Returns:
    - encoding: float32 array (1, d), scaled to length 1
    """
    size = int(model.inputs[0].shape[1])
    x = load_image(image_path, size)[None]
    out = np.asarray(model(x, training=False), dtype=np.float32)
    return out / np.linalg.norm(out, axis=-1, keepdims=True)


def encode_batch(model, x, batch=256):
    """Encodings (n, d) of uint8 photos x (n, H, W, 3), scaled to length
    1."""
    out = [np.asarray(model(x[i:i + batch].astype(np.float32) / 255.0,
                            training=False)) for i in range(0, len(x), batch)]
    out = np.concatenate(out)
    return out / np.linalg.norm(out, axis=-1, keepdims=True)


def save_png(image, path):
    """Write a uint8 photo as a PNG file."""
    Image.fromarray(image).save(path)


# ------------------------------------------------------- notebook's photos
# The database holds one photo (shot 0) of the first len(NAMES) 'test'
# people; the camera photographs five of them again (other shots) and one
# person who is not in the database (test person len(NAMES)).
CAMERA = (('bjorn', 1), ('esme', 2), ('hiroshi', 1), ('jonah', 3),
          ('lucien', 2), (None, 1))


def write_images(folder='images'):
    """Write the notebook's photos as PNG files: `<name>.png` for the
    database, `camera_<k>.png` for the camera.

    Returns:
    - database_files: dict name -> file name
    - camera: list of (file name, the true name or None for a stranger)
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    files = {}
    for i, name in enumerate(NAMES):
        files[name] = str(folder / f'{name}.png')
        save_png(photo('test', i, 0), files[name])
    camera = []
    for k, (name, shot) in enumerate(CAMERA):
        i = NAMES.index(name) if name else len(NAMES)
        path = str(folder / f'camera_{k}.png')
        save_png(photo('test', i, shot), path)
        camera.append((path, name))
    return files, camera


def sample():
    """A few photos of each group, for the asset catalogue's digests:
    (x (24, SIZE, SIZE, 3) uint8, person indices (24,))."""
    parts = [photos(group, range(4), 2) for group in GROUPS]
    return (np.concatenate([p[0] for p in parts]),
            np.concatenate([p[1] for p in parts]))


def notebook_photos():
    """The notebook's photos as arrays: (database (12, ...), camera
    (6, ...)), as `write_images` saves them."""
    database = np.stack([photo('test', i, 0) for i in range(len(NAMES))])
    camera = np.stack([photo('test', NAMES.index(n) if n else len(NAMES), s)
                       for n, s in CAMERA])
    return database, camera
