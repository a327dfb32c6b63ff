"""One-line plot helpers for the notebooks.

Every helper draws a new matplotlib figure, returns ``(fig, ax)`` (or
``(fig, axes)`` for grids) so a notebook can adjust it further, and never
calls ``plt.show()``: Jupyter shows the figure at the end of the cell, and
the Agg backend used by tests simply renders nothing.
"""
import matplotlib.pyplot as plt
import numpy as np


def costs(costs, learning_rate=None, every=100):
    """Plot one training-cost curve.

    Args:
        costs: sequence of costs, one recorded every `every` iterations
            (floats, np.float64 or 0-d arrays).
        learning_rate: float or None; shown in the title when given.
        every: int, iterations between two recorded costs.

    Returns:
        (fig, ax): the matplotlib figure and axes.
    """
    values = np.asarray([float(np.squeeze(c)) for c in costs])  # (k,)
    fig, ax = plt.subplots(figsize=(6, 3.6))
    ax.plot(np.arange(len(values)) * every, values, marker='.')
    ax.set_xlabel('iteration')
    ax.set_ylabel('cost')
    title = 'Training cost'
    if learning_rate is not None:
        title += f' (learning_rate = {learning_rate:g})'
    ax.set_title(title)
    ax.grid(alpha=0.3)
    return fig, ax


def compare_costs(curves, every=100):
    """Plot several cost curves on one axes, e.g. one per learning rate.

    Args:
        curves: dict mapping a legend label (str) to a sequence of costs
            recorded every `every` iterations.
        every: int, iterations between two recorded costs.

    Returns:
        (fig, ax): the matplotlib figure and axes.
    """
    fig, ax = plt.subplots(figsize=(6, 3.6))
    for label, values in curves.items():
        values = np.asarray([float(np.squeeze(c)) for c in values])  # (k,)
        ax.plot(np.arange(len(values)) * every, values, marker='.',
                label=str(label))
    ax.set_xlabel('iteration')
    ax.set_ylabel('cost')
    ax.set_title('Training cost for each setting')
    ax.grid(alpha=0.3)
    ax.legend()
    return fig, ax


def images(x, titles=None, ncols=6, size=1.8):
    """Show images in a grid, each with an optional title.

    Args:
        x: uint8 array of shape (k, height, width, 3), or a list of k such
            (height, width, 3) images.
        titles: optional sequence of k strings, one per image.
        ncols: int, the most images in one row.
        size: float, width and height of one image in inches.

    Returns:
        (fig, axes): the figure and a 1-D array of its k axes.
    """
    k = len(x)
    ncols = max(1, min(ncols, k))
    nrows = -(-k // ncols)  # ceiling division
    fig, axes = plt.subplots(nrows, ncols, squeeze=False,
                             figsize=(size * ncols, size * nrows + 0.3))
    axes = axes.ravel()  # (nrows * ncols,)
    for i, ax in enumerate(axes):
        ax.axis('off')
        if i < k:
            ax.imshow(x[i])
            if titles is not None:
                ax.set_title(str(titles[i]), fontsize=9)
    fig.tight_layout()
    return fig, axes[:k]


def timings(results, unit='ms'):
    """Bar chart comparing a Python loop with its NumPy version.

    Args:
        results: dict mapping an operation name (str) to a pair of seconds
            ``(loop_seconds, numpy_seconds)``.
        unit: 'ms' or 's', the unit on the (logarithmic) y axis.

    Returns:
        (fig, ax): the matplotlib figure and axes.
    """
    scale = 1e3 if unit == 'ms' else 1.0
    names = list(results)
    times = np.array([results[n] for n in names], dtype=float) * scale
    where = np.arange(len(names))  # (k,)
    fig, ax = plt.subplots(figsize=(6, 3.6))
    ax.bar(where - 0.2, times[:, 0], width=0.4, label='Python loop')
    ax.bar(where + 0.2, times[:, 1], width=0.4, label='NumPy')
    ax.set_xticks(where, names)
    ax.set_yscale('log')
    ax.set_ylabel(f'time ({unit}, log scale)')
    ax.set_title('Loops versus vectorised NumPy')
    ax.legend()
    return fig, ax


def decision_boundary(predict_fn, X, Y, ax=None, title=None):
    """Shade the regions a 2-D classifier assigns to each class.

    Args:
        predict_fn: function mapping an array of shape (2, k) of points to
            k labels (any shape with k entries, e.g. (1, k) or (k,)).
        X: points, array of shape (2, m), one example per column.
        Y: labels, array of m entries (shape (1, m) or (m,)).
        ax: matplotlib axes to draw on, or None for a new figure.
        title: str or None, the axes title.

    Returns:
        (fig, ax): the matplotlib figure and axes.
    """
    if ax is None:
        fig, ax = plt.subplots(figsize=(5, 4))
    else:
        fig = ax.figure
    pad_x = 0.1 * (X[0].max() - X[0].min()) + 1e-9
    pad_y = 0.1 * (X[1].max() - X[1].min()) + 1e-9
    xs = np.linspace(X[0].min() - pad_x, X[0].max() + pad_x, 200)  # (200,)
    ys = np.linspace(X[1].min() - pad_y, X[1].max() + pad_y, 200)  # (200,)
    gx, gy = np.meshgrid(xs, ys)  # (200, 200) each
    grid = np.stack([gx.ravel(), gy.ravel()])  # (2, 40000)
    labels = np.asarray(predict_fn(grid), dtype=float).reshape(gx.shape)
    ax.contourf(gx, gy, labels, levels=[-0.5, 0.5, 1.5],
                colors=['#c6dbef', '#f4c7c3'], alpha=0.8)  # as coolwarm
    y = np.ravel(Y)  # (m,)
    ax.scatter(X[0], X[1], c=y, cmap='coolwarm', s=14, edgecolors='k',
               linewidths=0.3)
    ax.set_xlabel('$x_1$')
    ax.set_ylabel('$x_2$')
    if title:
        ax.set_title(title)
    return fig, ax
