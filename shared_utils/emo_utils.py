"""Helpers for C5_W2A2 (Emojify): the sentences, the emoji, GloVe with
indices, and the plots.

The sentences are the project's own: 250 short English sentences written
for this course (200 to train, 50 to test), each labelled with one of five
emoji. They live in ``shared_utils/datasets/emoji_sentences.csv``
(columns ``sentence,label,split``), checked by its SHA-256 on every load.
Nothing here holds a learner's solution.
"""
import csv
import hashlib
from pathlib import Path

import numpy as np

from .glove import read_glove_indexed

PATH = Path(__file__).resolve().parent / 'datasets' / 'emoji_sentences.csv'
SHA256 = 'beac1aea6059b64abadc3ee043b82a9413332ace63fc2c249a3ae501de6602ce'
# label -> (emoji, name)
EMOJI = {0: ('\u2764\ufe0f', 'heart'), 1: ('\u26be', 'baseball'),
         2: ('\U0001f604', 'smile'), 3: ('\U0001f61e', 'disappointed'),
         4: ('\U0001f374', 'fork and knife')}


def read_glove_vecs(glove_file=None):
    """Return (word_to_index, index_to_word, word_to_vec_map) of GloVe 6B
    50d; indices run from 1 to 400,000 (most frequent words first) and 0 is
    left for padding."""
    return read_glove_indexed(glove_file)


def _rows(path=PATH):
    from .data import DataError
    path = Path(path)
    if not path.exists():
        raise DataError(f'{path} is missing: restore it with `git checkout '
                        f'-- shared_utils/datasets/{path.name}`')
    raw = path.read_bytes()
    got = hashlib.sha256(raw).hexdigest()
    if got != SHA256:
        raise DataError(f'{path} has sha256 {got[:16]}, recorded '
                        f'{SHA256[:16]}: restore it with `git checkout -- '
                        f'shared_utils/datasets/{path.name}` (after an '
                        'intended edit, record the new digest in '
                        'shared_utils/emo_utils.py)')
    return list(csv.DictReader(raw.decode('utf8').splitlines()))


def read_csv(split='train'):
    """Return (X, Y) of one split.

    Args:
        split: 'train' (200 sentences) or 'test' (50).

    Returns:
        X: np.ndarray of shape (m,), the sentences (str, lower case, no
            punctuation).
        Y: np.ndarray of shape (m,), int labels 0 ... 4.
    """
    rows = [r for r in _rows() if r['split'] == split]
    if not rows:
        raise ValueError(f"split must be 'train' or 'test', got {split!r}")
    X = np.array([r['sentence'] for r in rows])
    Y = np.array([int(r['label']) for r in rows])
    return X, Y


def label_to_emoji(label):
    """The emoji of a label 0 ... 4 (a str)."""
    return EMOJI[int(label)][0]


def convert_to_one_hot(Y, C):
    """Labels (m,) -> one-hot rows (m, C)."""
    return np.eye(C)[np.asarray(Y, dtype=int).reshape(-1)]


def softmax(x):
    """Softmax of a vector (or along the last axis), overflow-safe."""
    e = np.exp(x - np.max(x, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def _average(sentence, word_to_vec_map):
    """Mean vector of the known words of a sentence (zeros if none)."""
    dim = len(next(iter(word_to_vec_map.values())))
    known = [word_to_vec_map[w] for w in sentence.lower().split()
             if w in word_to_vec_map]
    return np.mean(known, axis=0) if known else np.zeros(dim)


def predict(X, Y, W, b, word_to_vec_map):
    """Predictions of the averaging model softmax(W avg + b).

    Args:
        X: sequence of m sentences; Y: their labels (unused, kept for the
            course's signature); W: (n_y, n_h); b: (n_y,).

    Returns:
        pred: np.ndarray of shape (m, 1), the predicted labels (float).
    """
    pred = np.zeros((len(X), 1))
    for i, sentence in enumerate(X):
        z = W @ _average(sentence, word_to_vec_map) + b
        pred[i, 0] = np.argmax(z)
    return pred


def print_predictions(X, pred, Y=None):
    """One line per sentence: the sentence and the predicted emoji (and a
    mark when a true label Y is given and differs)."""
    for i, sentence in enumerate(X):
        guess = int(np.ravel(pred)[i])
        line = f'{sentence:<40} {label_to_emoji(guess)}'
        if Y is not None and int(Y[i]) != guess:
            line += f'   (label {label_to_emoji(Y[i])})'
        print(line)


def confusion(y_true, y_pred, C=5):
    """Counts (C, C): rows the true labels, columns the predictions."""
    counts = np.zeros((C, C), dtype=int)
    for t, p in zip(np.ravel(y_true).astype(int), np.ravel(y_pred).astype(int)):
        counts[t, p] += 1
    return counts


def plot_confusion_matrix(y_true, y_pred, title='', ax=None):
    """Draw the confusion matrix with the emoji names; returns (fig, ax)."""
    import matplotlib.pyplot as plt
    counts = confusion(y_true, y_pred)
    if ax is None:
        fig, ax = plt.subplots(figsize=(4.6, 4))
    else:
        fig = ax.figure
    ax.imshow(counts, cmap='Blues')
    names = [EMOJI[k][1] for k in range(len(counts))]
    ax.set_xticks(range(len(names)), names, rotation=45, ha='right')
    ax.set_yticks(range(len(names)), names)
    for (i, j), n in np.ndenumerate(counts):
        ax.text(j, i, n, ha='center', va='center',
                color='white' if n > counts.max() / 2 else 'black')
    ax.set(xlabel='predicted', ylabel='true label', title=title)
    return fig, ax


class CommittedSentences:
    """The catalogue's recipe: the committed csv, checked by its SHA-256
    (``python -m shared_utils.assets check emoji_sentences``). It is
    hand-written, so ``build --force`` cannot rebuild it."""
    name = 'emoji_sentences'

    def where(self):
        return 'shared_utils/datasets/emoji_sentences.csv'

    def paths(self):
        return [PATH]

    def state(self):
        return 'committed' if PATH.exists() else 'MISSING'

    def check(self):
        rows = _rows()
        n = {s: sum(r['split'] == s for r in rows) for s in ('train', 'test')}
        return (f'{n["train"]} train / {n["test"]} test sentences, file '
                'SHA-256 matches')

    def build(self, budget, force):
        return 'committed (hand-written); ' + self.check()
