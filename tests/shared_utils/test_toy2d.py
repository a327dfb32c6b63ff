"""Tests of shared_utils.toy2d: the circles and the vineyard data sets."""
import numpy as np
import pytest

from shared_utils import data, toy2d


def test_circles_shapes_labels_and_seeding():
    train_X, train_Y, test_X, test_Y = data.load_circles()
    assert train_X.shape == (2, 300) and train_Y.shape == (1, 300)
    assert test_X.shape == (2, 100) and test_Y.shape == (1, 100)
    assert set(np.unique(train_Y)) == {0, 1}
    assert train_Y.sum() == 150          # make_circles balances the classes
    again = data.load_circles()
    for a, b in zip((train_X, train_Y, test_X, test_Y), again):
        np.testing.assert_array_equal(a, b)
    assert not np.allclose(train_X[:, :100], test_X)


def test_vineyard_shapes_dtypes_and_keys():
    raw = toy2d.vineyard_arrays()
    assert raw['X'].shape == (211, 2) and raw['y'].shape == (211, 1)
    assert raw['Xval'].shape == (200, 2) and raw['yval'].shape == (200, 1)
    assert raw['y'].dtype == np.uint8 and raw['X'].dtype == np.float64
    train_X, train_Y, test_X, test_Y = data.load_vineyard()
    assert train_X.shape == (2, 211) and train_Y.shape == (1, 211)
    assert test_X.shape == (2, 200) and test_Y.shape == (1, 200)
    assert np.abs(train_X).max() < 1.0 and np.abs(test_X).max() <= 0.75
    assert 0.3 < train_Y.mean() < 0.7 and 0.3 < test_Y.mean() < 0.7


def test_stored_file_is_small_and_matches_the_generator():
    assert toy2d.VINEYARD_PATH.stat().st_size < 12_000
    stored = toy2d.vineyard_arrays()
    fresh = toy2d.make_vineyard()
    for key in ('X', 'y', 'Xval', 'yval'):
        np.testing.assert_array_equal(stored[key], fresh[key])
        assert toy2d.digest(fresh[key]) == toy2d.VINEYARD_SHA256[key], key


def test_noise_is_clustered_in_the_training_set_only():
    """Wrong labels come from the few patch points; the test set is clean."""
    d = toy2d.make_vineyard()
    wrong = np.flatnonzero(toy2d.true_labels(d['X']) != d['y'][:, 0])
    assert 20 <= wrong.size <= 32            # 4 patches of 8 points
    points = d['X'][wrong]  # (k, 2)
    gaps = np.linalg.norm(points[:, None] - points[None], axis=2)  # (k, k)
    assert np.all((gaps < 0.15).sum(axis=1) >= 4)    # clustered
    np.testing.assert_array_equal(toy2d.true_labels(d['Xval']),
                                  d['yval'][:, 0])


def test_changed_file_raises_clear_error(tmp_path):
    from scipy.io import savemat
    d = toy2d.make_vineyard()
    d['y'] = d['y'].copy()
    d['y'][0, 0] ^= 1
    path = tmp_path / 'vineyard.mat'
    savemat(path, d)
    with pytest.raises(toy2d.VineyardError, match='y'):
        toy2d.vineyard_arrays(path)
