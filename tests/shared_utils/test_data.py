"""Tests of shared_utils.data: the cat / non-cat files and the photos."""
from pathlib import Path

import h5py
import numpy as np
import pytest
from PIL import Image

from shared_utils import catdata, data


@pytest.fixture(scope='module')
def cats(tmp_path_factory):
    """Load the data set once, from a cache folder of this module's own."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv('DLS_CACHE', str(tmp_path_factory.mktemp('dls_cache')))
        yield data.load_catvnoncat()


def test_shapes_dtypes_and_classes(cats):
    train_x, train_y, test_x, test_y, classes = cats
    assert train_x.shape == (209, 64, 64, 3) and train_x.dtype == np.uint8
    assert test_x.shape == (50, 64, 64, 3) and test_x.dtype == np.uint8
    assert train_y.shape == (1, 209) and train_y.dtype == np.int64
    assert test_y.shape == (1, 50) and test_y.dtype == np.int64
    assert classes.dtype == np.dtype('|S7')
    assert classes.tolist() == [b'non-cat', b'cat']
    assert set(np.unique(train_y)) == set(np.unique(test_y)) == {0, 1}


def test_class_balance(cats):
    _, train_y, _, test_y, _ = cats
    assert train_y.sum() == 72          # 34 % of 209
    assert test_y.sum() == 33           # 66 % of 50


def test_h5_files_have_the_course_keys(tmp_path, monkeypatch):
    monkeypatch.setenv('DLS_CACHE', str(tmp_path))
    train_path, test_path = data.catvnoncat_paths()
    assert train_path.name == 'train_catvnoncat.h5'
    assert test_path.name == 'test_catvnoncat.h5'
    with h5py.File(train_path, 'r') as f:
        assert set(f) == {'train_set_x', 'train_set_y', 'list_classes'}
        assert f['train_set_x'].shape == (209, 64, 64, 3)
        assert f['train_set_y'].shape == (209,)
    with h5py.File(test_path, 'r') as f:
        assert set(f) == {'test_set_x', 'test_set_y', 'list_classes'}
        assert f['test_set_y'].shape == (50,)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        'test_catvnoncat.h5', 'train_catvnoncat.h5']   # no temp files


def test_loading_twice_gives_identical_arrays(cats):
    again = data.load_catvnoncat()
    for a, b in zip(cats, again):
        np.testing.assert_array_equal(a, b)


def test_fresh_cache_matches_recorded_checksums(tmp_path, monkeypatch):
    monkeypatch.setenv('DLS_CACHE', str(tmp_path / 'new'))
    train_path, test_path = data.catvnoncat_paths()
    assert train_path.parent == tmp_path / 'new'
    for path, split in ((train_path, 'train'), (test_path, 'test')):
        with h5py.File(path, 'r') as f:
            for key in (f'{split}_set_x', f'{split}_set_y', 'list_classes'):
                assert data.digest(f[key][()]) == data._CAT_SHA256[key], key


def test_default_cache_dir(monkeypatch):
    monkeypatch.delenv('DLS_CACHE', raising=False)
    assert data.cache_dir() == Path(data.__file__).resolve().parent / '_cache'


def test_changed_pixel_raises_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv('DLS_CACHE', str(tmp_path))
    train_path, _ = data.catvnoncat_paths()
    with h5py.File(train_path, 'r+') as f:
        f['train_set_x'][0, 0, 0, 0] ^= 1
    with pytest.raises(data.DataError) as err:
        data.load_catvnoncat()
    message = str(err.value)
    assert 'train_set_x' in message and 'train_set_y' not in message
    assert 'delete it' in message and 'Pillow' in message


def test_unreadable_file_raises_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv('DLS_CACHE', str(tmp_path))
    _, test_path = data.catvnoncat_paths()
    test_path.write_bytes(b'not an HDF5 file')
    with pytest.raises(data.DataError, match='cannot be read'):
        data.load_catvnoncat()
    test_path.unlink()                  # deleting the file repairs it
    assert data.load_catvnoncat()[3].shape == (1, 50)


def test_changed_generator_is_caught_before_writing(tmp_path, monkeypatch):
    monkeypatch.setenv('DLS_CACHE', str(tmp_path))
    monkeypatch.setattr(data, 'CAT_CUE', data.CAT_CUE / 2)
    with pytest.raises(data.DataError, match='Freshly generated'):
        data.catvnoncat_paths()
    assert list(tmp_path.iterdir()) == []


def test_make_split_is_seeded():
    x1, y1 = catdata.make_split(12, 0.5, seed=3)
    x2, y2 = catdata.make_split(12, 0.5, seed=3)
    x3, _ = catdata.make_split(12, 0.5, seed=4)
    np.testing.assert_array_equal(x1, x2)
    np.testing.assert_array_equal(y1, y2)
    assert y1.sum() == 6 and not np.array_equal(x1, x3)


def test_sample_photo():
    photo = data.sample_photo()
    assert photo.shape == (64, 64, 3) and photo.dtype == np.uint8
    assert data.sample_photo(size=32).shape == (32, 32, 3)
    assert photo.std() > 10             # a real picture, not a flat one


def test_load_image_from_file_and_arrays(tmp_path):
    rgb = np.random.default_rng(0).integers(0, 256, (60, 100, 3), np.uint8)
    Image.fromarray(rgb).save(tmp_path / 'mine.png')
    for source in (tmp_path / 'mine.png', str(tmp_path / 'mine.png'), rgb,
                   rgb / 255.0, rgb[..., 0],
                   np.dstack([rgb, np.full((60, 100), 255, np.uint8)])):
        image = data.load_image(source)
        assert image.shape == (64, 64, 3) and image.dtype == np.uint8
    np.testing.assert_array_equal(data.load_image(tmp_path / 'mine.png'),
                                  data.load_image(rgb))


def test_logistic_regression_lands_in_the_course_band(cats):
    """The course's story: about 99 % train and 70 % test accuracy."""
    train_x, train_y, test_x, test_y, _ = cats
    X = train_x.reshape(train_x.shape[0], -1).T / 255
    X_test = test_x.reshape(test_x.shape[0], -1).T / 255
    w, b, m = np.zeros((X.shape[0], 1)), 0.0, X.shape[1]
    for _ in range(2000):
        A = 1 / (1 + np.exp(-(w.T @ X + b)))
        w -= 0.005 * (X @ (A - train_y).T) / m
        b -= 0.005 * float(np.mean(A - train_y))

    def accuracy(X_, Y_):
        return 100 * np.mean(((w.T @ X_ + b) > 0) == Y_)
    assert accuracy(X, train_y) >= 95
    assert 64 <= accuracy(X_test, test_y) <= 76
