"""Tests of shared_utils.planar: the flower and the extra 2-D data sets."""
import numpy as np
import pytest

from shared_utils import data, planar


def test_flower_shapes_dtypes_and_balance():
    X, Y = data.load_planar_dataset()
    assert X.shape == (2, 400) and X.dtype == np.float64
    assert Y.shape == (1, 400) and Y.dtype == np.uint8
    assert set(np.unique(Y)) == {0, 1} and Y.sum() == 200
    assert np.all(np.isfinite(X)) and np.abs(X).max() < 6


def test_flower_matches_the_recorded_digests():
    X, Y = planar.make_flower()
    assert (data.digest(X), data.digest(Y)) == planar.FLOWER_SHA256


def test_flower_is_seeded():
    a, b = planar.make_flower(seed=3), planar.make_flower(seed=3)
    c = planar.make_flower(seed=4)
    np.testing.assert_array_equal(a[0], b[0])
    assert not np.array_equal(a[0], c[0])


def test_opposite_petals_share_a_colour():
    """Class 0 lives in quadrants 1 and 3, class 1 in 2 and 4 (x1 x2 < 0),
    apart from the noise near the centre."""
    X, Y = planar.make_flower(noise=0.0)
    assert np.mean((X[0] * X[1] < 0) == Y[0]) == 1.0
    X, Y = data.load_planar_dataset()
    agree = np.mean((X[0] * X[1] < 0) == Y[0])
    assert 0.85 <= agree <= 0.97


def test_no_straight_line_does_well():
    """The baseline story: logistic regression stays near 50 %."""
    from sklearn.linear_model import LogisticRegression
    X, Y = data.load_planar_dataset()
    model = LogisticRegression().fit(X.T, Y.ravel())
    assert 0.4 <= model.score(X.T, Y.ravel()) <= 0.6


def test_changed_generator_raises_clear_error(monkeypatch):
    monkeypatch.setattr(planar, 'make_flower',
                        lambda: (np.zeros((2, 400)),
                                 np.zeros((1, 400), np.uint8)))
    with pytest.raises(data.DataError, match='recorded'):
        planar.load_planar_dataset()


def test_bad_arguments():
    with pytest.raises(ValueError):
        planar.make_flower(m=401)
    with pytest.raises(ValueError):
        planar.make_flower(petals=5)


def test_extra_datasets():
    sets = data.load_extra_datasets()
    assert list(sets) == ['noisy_circles', 'noisy_moons', 'blobs',
                          'gaussian_quantiles']
    for name, (X, Y) in sets.items():
        assert X.shape == (2, 200) and X.dtype == np.float64, name
        assert Y.shape == (1, 200), name
        assert set(np.unique(Y)) == {0, 1}, name
    again = data.load_extra_datasets()
    for name in sets:
        np.testing.assert_array_equal(sets[name][0], again[name][0])
    small = data.load_extra_datasets(m=50)
    assert small['blobs'][0].shape == (2, 50)
