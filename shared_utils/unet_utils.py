"""Helpers of the U-Net notebook (C4_W3A2): the pretrained weights' path,
mask colours, side-by-side plots and the scores of a segmentation."""
import numpy as np

from . import assets_unet, street_scenes

CLASSES = street_scenes.CLASSES
PRETRAINED_FILTERS = assets_unet.N_FILTERS


def pretrained_path():
    """The committed weights of the small U-Net (n_filters=8), checked
    against their recorded SHA-256 first."""
    from . import assets
    recipe = assets.get('unet_carla').recipe
    recipe.check_digest()
    return str(recipe.path())


def colour(mask):
    """A mask (h, w) or (h, w, 1) of class ids as an RGB picture."""
    mask = np.asarray(mask)
    if mask.ndim == 3:
        mask = mask[..., 0]
    return street_scenes.colour_mask(np.clip(mask, 0, len(CLASSES) - 1))


def display(display_list, titles=('Input picture', 'True mask',
                                  'Predicted mask')):
    """Show a picture and masks side by side (masks in class colours)."""
    import matplotlib.pyplot as plt
    fig, axes = plt.subplots(1, len(display_list),
                             figsize=(4 * len(display_list), 3.4))
    for ax, item, title in zip(np.atleast_1d(axes), display_list, titles):
        item = np.asarray(item)
        is_mask = item.ndim == 2 or item.shape[-1] == 1
        ax.imshow(colour(item) if is_mask else item)
        ax.set_title(title)
        ax.axis('off')
    return fig


def legend(ids):
    """A strip of the colours of the given class ids, with their names."""
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch
    fig, ax = plt.subplots(figsize=(10, 0.9))
    handles = [Patch(color=street_scenes.colour_mask(np.array([i]))[0] / 255,
                     label=f'{i} {CLASSES[i]}') for i in ids]
    ax.legend(handles=handles, loc='center', ncol=min(6, len(ids)),
              frameon=False, fontsize=9)
    ax.axis('off')
    return fig


def scores(pred, truth):
    """(pixel accuracy, mean IoU over the classes present in `truth`,
    {class id: IoU})."""
    return assets_unet.scores(pred, truth, len(CLASSES))
