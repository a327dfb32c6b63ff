"""Helpers of the residual-networks notebook (C4_W2A1): the SIGNS data as
the course's ``resnets_utils`` gives it, the project's "pretrained" ResNet-50,
and the notebook's pictures (a residual block as boxes and arrows, signs
with predictions, training curves).

The pretrained model is ours: the course-layout ResNet-50 of
``resnet_reference`` trained on our synthetic SIGNS by
``shared_utils/assets_resnet.py`` (committed float16 weights,
``shared_utils/models/resnet50_signs.weights.h5``).
"""
import json

import numpy as np

__all__ = ['load_dataset', 'convert_to_one_hot', 'load_pretrained',
           'pretrained_history', 'plot_residual_block', 'show_signs',
           'plot_curves']


def load_dataset():
    """The hand signs (0 to 5 raised fingers), as the course loads them.

    Returns:
        X_train_orig: uint8 array (1080, 64, 64, 3).
        Y_train_orig: int64 array (1, 1080), labels 0..5.
        X_test_orig: uint8 array (120, 64, 64, 3).
        Y_test_orig: int64 array (1, 120).
        classes: int64 array (6,), [0 1 2 3 4 5].
    """
    from .signs import load_signs
    return load_signs()


def convert_to_one_hot(Y, C):
    """One-hot columns: label k of example i -> a 1 in row k, column i.

    Args:
        Y: int array of shape (1, m) or (m,).
        C: int, number of classes.

    Returns:
        Y_one_hot: float array (C, m); transpose it for Keras, (m, C).
    """
    return np.eye(C)[np.asarray(Y).reshape(-1)].T


def load_pretrained():
    """The ResNet-50 the project trained on SIGNS, ready to predict.

    Builds the course layout (``resnet_reference.ResNet50``, 64x64x3
    inputs, 6 classes) and loads the committed weights into it, as the
    course loads its pretrained model file.

    Returns:
        model: keras.Model (not compiled).
    """
    from . import assets_resnet
    return assets_resnet.load()


def pretrained_history():
    """Per-epoch figures of the pretrained model's training run.

    Returns:
        history: dict with lists 'loss', 'accuracy' (training set),
            'test_accuracy' and 'seconds' (since the start), one per epoch.
    """
    from . import assets, assets_resnet
    path = assets.get('resnet50_signs').recipe.path()
    return json.loads(assets_resnet.history_path(path).read_text())


def _box(ax, x, y, text, color, w=1.5, h=0.5):
    from matplotlib.patches import FancyBboxPatch
    ax.add_patch(FancyBboxPatch((x - w / 2, y - h / 2), w, h,
                                boxstyle='round,pad=0.05', fc=color,
                                ec='0.3'))
    ax.text(x, y, text, ha='center', va='center', fontsize=9)


def _arrow(ax, start, end, color='0.2', style='-|>', rad=0.0):
    from matplotlib.patches import FancyArrowPatch
    ax.add_patch(FancyArrowPatch(start, end, arrowstyle=style,
                                 mutation_scale=12, color=color, lw=1.4,
                                 connectionstyle=f'arc3,rad={rad}'))


def plot_residual_block(kind='identity', ax=None):
    """Draw a residual block: the main path and the shortcut around it.

    Args:
        kind: 'identity' (the shortcut is the input itself) or
            'convolutional' (a strided 1x1 convolution and batch norm).
        ax: matplotlib Axes, or None for a new figure.

    Returns:
        ax: the Axes drawn on.
    """
    import matplotlib.pyplot as plt
    from matplotlib.patches import Circle
    if ax is None:
        _, ax = plt.subplots(figsize=(11, 3.2))
    conv, bn, relu = '#cfe2f3', '#fce5cd', '#d9ead3'
    stride = ', stride s' if kind == 'convolutional' else ''
    main = [('Conv 1x1\nF1' + stride, conv), ('BatchNorm', bn),
            ('ReLU', relu), ('Conv fxf\nF2, same', conv), ('BatchNorm', bn),
            ('ReLU', relu), ('Conv 1x1\nF3', conv), ('BatchNorm', bn)]
    xs = np.arange(len(main)) * 2.0 + 2.1
    _box(ax, 0.0, 0.0, 'X\n(input)', 'white', w=1.1)
    prev = 0.55
    for x, (text, color) in zip(xs, main):
        _box(ax, x, 0.0, text, color)
        _arrow(ax, (prev, 0.0), (x - 0.8, 0.0))
        prev = x + 0.8
    add_x = xs[-1] + 1.6
    ax.add_patch(Circle((add_x, 0.0), 0.3, fc='white', ec='0.2'))
    ax.text(add_x, 0.0, '+', ha='center', va='center', fontsize=16)
    _arrow(ax, (prev, 0.0), (add_x - 0.32, 0.0))
    _box(ax, add_x + 1.3, 0.0, 'ReLU', relu, w=1.0)
    _arrow(ax, (add_x + 0.32, 0.0), (add_x + 0.78, 0.0))
    # the shortcut: over the main path, into the addition
    top = 1.35
    ax.plot([0.0, 0.0], [0.3, top], color='#c00000', lw=1.6)
    if kind == 'convolutional':
        mid = (xs[0] + xs[-1]) / 2
        ax.plot([0.0, mid - 1.7], [top, top], color='#c00000', lw=1.6)
        _box(ax, mid - 0.85, top, 'Conv 1x1\nF3' + stride, conv, w=1.6)
        ax.plot([mid + 0.0, mid + 0.05], [top, top], color='#c00000', lw=1.6)
        _box(ax, mid + 0.95, top, 'BatchNorm', bn, w=1.5)
        ax.plot([mid + 1.75, add_x], [top, top], color='#c00000', lw=1.6)
        label = 'shortcut: 1x1 conv + BN (matches shape)'
    else:
        ax.plot([0.0, add_x], [top, top], color='#c00000', lw=1.6)
        label = 'shortcut: X itself (identity)'
    _arrow(ax, (add_x, top), (add_x, 0.32), color='#c00000')
    ax.text(xs[1], top + 0.6, label, color='#c00000', fontsize=10)
    ax.set_xlim(-0.8, add_x + 2.0)
    ax.set_ylim(-0.7, top + 0.95)
    ax.set_aspect('equal')
    ax.axis('off')
    ax.set_title(f'{kind.capitalize()} block', fontsize=11)
    return ax


def show_signs(X, y, pred=None, probs=None, n=12, cols=6):
    """Show hand signs with their labels (and predictions, if given).

    Args:
        X: array (m, 64, 64, 3), uint8 or floats in [0, 1].
        y: int array (m,), true labels.
        pred: None or int array (m,), predicted labels; wrong ones in red.
        probs: None or array (m,), the probability of each prediction.
        n: int, how many to show (the first n).
        cols: int, pictures per row.
    """
    import matplotlib.pyplot as plt
    n = min(n, len(X))
    rows = int(np.ceil(n / cols))
    fig, axes = plt.subplots(rows, cols, figsize=(1.7 * cols, 1.9 * rows))
    for i, ax in enumerate(np.ravel(axes)):
        ax.axis('off')
        if i >= n:
            continue
        ax.imshow(X[i])
        title, color = f'y = {int(y[i])}', 'black'
        if pred is not None:
            title += f'\npredicted {int(pred[i])}'
            if probs is not None:
                title += f' ({float(probs[i]):.0%})'
            color = 'green' if pred[i] == y[i] else 'red'
        ax.set_title(title, fontsize=9, color=color)
    fig.tight_layout()
    return fig


def plot_curves(history, title=''):
    """Plot per-epoch loss and accuracies side by side.

    Args:
        history: dict of lists ('loss' and any of 'accuracy',
            'test_accuracy'), one value per epoch.
        title: str, put above the figure.
    """
    import matplotlib.pyplot as plt
    epochs = np.arange(1, len(history['loss']) + 1)
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(10, 3.3))
    ax1.plot(epochs, history['loss'], 'o-')
    ax1.set(xlabel='epoch', ylabel='training loss', yscale='log')
    for key, label in (('accuracy', 'training set'),
                       ('test_accuracy', 'test set')):
        if key in history:
            ax2.plot(epochs, history[key], 'o-', label=label)
    ax2.set(xlabel='epoch', ylabel='accuracy', ylim=(0, 1.02))
    ax2.legend()
    ax2.grid(alpha=0.3)
    ax1.grid(alpha=0.3)
    fig.suptitle(title)
    fig.tight_layout()
    return fig
