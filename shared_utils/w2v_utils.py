"""Helpers for C5_W2A1 (Operations on word vectors): loading and plots.

``read_glove_vecs`` (from :mod:`shared_utils.glove`) gives the GloVe 6B 50d
vectors as ``(words, word_to_vec_map)``. The plots take plain arrays and
never call ``plt.show()``. Nothing here holds a learner's solution.
"""
import matplotlib.pyplot as plt
import numpy as np

from .glove import read_glove_vecs  # noqa: F401  (re-exported)


def most_frequent(word_to_vec_map, n):
    """The first `n` entries of a GloVe map (GloVe lists frequent words
    first), as a new dict."""
    return dict(zip(list(word_to_vec_map)[:n],
                    list(word_to_vec_map.values())[:n]))


def pca_2d(vectors):
    """Project row vectors onto their two main directions of variation.

    Args:
        vectors: np.ndarray of shape (k, n), one word vector per row.

    Returns:
        points: np.ndarray of shape (k, 2), the coordinates of each row
            along the first two principal components (of the centred rows).
    """
    centred = vectors - vectors.mean(axis=0)  # (k, n)
    _, _, vt = np.linalg.svd(centred, full_matrices=False)
    return centred @ vt[:2].T  # (k, 2)


def plot_analogy_pairs(pairs, word_to_vec_map, title=''):
    """Draw word pairs in a 2-D PCA projection, an arrow from the first
    word of each pair to the second.

    Args:
        pairs: list of (word, word) tuples, e.g. [('france', 'paris')].
        word_to_vec_map: dict word -> vector.

    Returns:
        (fig, ax).
    """
    words = [w for pair in pairs for w in pair]
    points = pca_2d(np.stack([word_to_vec_map[w] for w in words]))
    fig, ax = plt.subplots(figsize=(6.5, 5))
    for k in range(len(pairs)):
        (x0, y0), (x1, y1) = points[2 * k], points[2 * k + 1]
        ax.annotate('', (x1, y1), (x0, y0), arrowprops=dict(
            arrowstyle='->', color='tab:blue', alpha=0.7))
        ax.plot([x0], [y0], 'o', color='tab:orange')
        ax.plot([x1], [y1], 'o', color='tab:green')
        ax.text(x0, y0, ' ' + pairs[k][0], fontsize=9, va='center')
        ax.text(x1, y1, ' ' + pairs[k][1], fontsize=9, va='center')
    ax.set(xlabel='first principal component',
           ylabel='second principal component', title=title)
    ax.grid(alpha=0.3)
    return fig, ax


def plot_bias_bars(words, before, after, title=''):
    """Horizontal bars: each word's cosine with the bias direction before
    and after a correction.

    Args:
        words: list of k words.
        before, after: sequences of k cosines.

    Returns:
        (fig, ax).
    """
    y = np.arange(len(words))
    fig, ax = plt.subplots(figsize=(6.5, 0.35 * len(words) + 1.2))
    ax.barh(y + 0.2, before, height=0.4, label='before', color='tab:purple')
    ax.barh(y - 0.2, after, height=0.4, label='after', color='tab:gray')
    ax.set_yticks(y, words)
    ax.axvline(0, color='black', linewidth=0.8)
    ax.invert_yaxis()
    ax.set(xlabel='cosine with g (woman - man)', title=title)
    ax.legend(loc='lower right')
    return fig, ax


def plot_bias_plane(points, g, title=''):
    """Words in the plane spanned by the bias direction g and the main
    direction of variation orthogonal to it.

    Args:
        points: dict label -> vector; labels ending in ' (after)' are drawn
            in grey, with a dotted line from the same word before.
        g: the bias direction, np.ndarray of shape (n,).

    Returns:
        (fig, ax).
    """
    g_unit = g / np.linalg.norm(g)
    labels = list(points)
    vectors = np.stack([points[k] for k in labels])  # (k, n)
    along = vectors @ g_unit  # (k,)
    rest = vectors - np.outer(along, g_unit)
    centred = rest - rest.mean(axis=0)
    direction = np.linalg.svd(centred, full_matrices=False)[2][0]
    across = rest @ direction  # (k,)
    where = dict(zip(labels, zip(along, across)))
    fig, ax = plt.subplots(figsize=(6.5, 4.5))
    for label, (x, y) in where.items():
        moved = label.endswith(' (after)')
        ax.plot([x], [y], 'o', color='tab:gray' if moved else 'tab:purple')
        ax.text(x, y, ' ' + label.replace(' (after)', ''), fontsize=9,
                color='tab:gray' if moved else 'black', va='center')
        if moved:
            x0, y0 = where[label.replace(' (after)', '')]
            ax.plot([x0, x], [y0, y], ':', color='tab:gray')
    ax.axvline(0, color='black', linewidth=0.8)
    ax.set(xlabel='component along g (woman - man direction)',
           ylabel='a direction orthogonal to g', title=title)
    ax.grid(alpha=0.3)
    return fig, ax
