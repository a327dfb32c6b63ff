"""Tests of shared_utils.signs: the hand-sign renderer and data set."""
import time

import h5py
import numpy as np
import pytest

from shared_utils import data, signs


@pytest.fixture(scope='module')
def cache(tmp_path_factory):
    """Build the data set once, in a cache folder of this module's own."""
    folder = tmp_path_factory.mktemp('dls_cache')
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv('DLS_CACHE', str(folder))
        yield folder, data.signs_paths()


@pytest.fixture(scope='module')
def hands(cache):
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv('DLS_CACHE', str(cache[0]))
        yield data.load_signs()


def test_shapes_dtypes_and_classes(hands):
    train_x, train_y, test_x, test_y, classes = hands
    assert train_x.shape == (1080, 64, 64, 3) and train_x.dtype == np.uint8
    assert test_x.shape == (120, 64, 64, 3) and test_x.dtype == np.uint8
    assert train_y.shape == (1, 1080) and train_y.dtype == np.int64
    assert test_y.shape == (1, 120) and test_y.dtype == np.int64
    assert classes.dtype == np.int64 and classes.tolist() == list(range(6))


def test_classes_are_balanced(hands):
    _, train_y, _, test_y, _ = hands
    assert np.bincount(train_y[0]).tolist() == [180] * 6
    assert np.bincount(test_y[0]).tolist() == [20] * 6


def test_pictures_vary(hands):
    """Light backgrounds, a hand in the middle, and no two alike."""
    train_x = hands[0]
    assert 150 < train_x[:, :4, :4].mean() < 250        # pastel corners
    assert len({x.tobytes() for x in train_x[:200]}) == 200
    assert train_x[:, 20:44, 20:44].std() > 20


def test_h5_files_have_the_course_keys(cache):
    folder, (train_path, test_path) = cache
    assert (train_path.name, test_path.name) == ('train_signs.h5',
                                                 'test_signs.h5')
    with h5py.File(train_path, 'r') as f:
        assert set(f) == {'train_set_x', 'train_set_y', 'list_classes'}
        assert f['train_set_y'].shape == (1080,)
    with h5py.File(test_path, 'r') as f:
        assert set(f) == {'test_set_x', 'test_set_y', 'list_classes'}
        assert f['test_set_x'].shape == (120, 64, 64, 3)
        assert f['list_classes'][()].tolist() == list(range(6))
    assert sorted(p.name for p in folder.iterdir()) == [
        'test_signs.h5', 'train_signs.h5']   # no temporary files left


def test_loading_twice_gives_identical_arrays(hands):
    again = data.load_signs()
    for a, b in zip(hands, again):
        np.testing.assert_array_equal(a, b)


def test_fresh_cache_matches_recorded_checksums(cache):
    for path, split in zip(cache[1], ('train', 'test')):
        with h5py.File(path, 'r') as f:
            for key in (f'{split}_set_x', f'{split}_set_y', 'list_classes'):
                assert data.digest(f[key][()]) == signs._SIGNS_SHA256[key]


def test_changed_pixel_raises_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv('DLS_CACHE', str(tmp_path))
    _, test_path = data.signs_paths()
    with h5py.File(test_path, 'r+') as f:
        f['test_set_x'][3, 10, 10, 1] ^= 1
    with pytest.raises(data.DataError) as err:
        data.load_signs()
    assert 'test_set_x' in str(err.value) and 'delete it' in str(err.value)
    test_path.unlink()                  # deleting the file repairs it
    assert data.load_signs()[3].shape == (1, 120)


def test_changed_generator_is_caught_before_writing(tmp_path, monkeypatch):
    monkeypatch.setenv('DLS_CACHE', str(tmp_path))
    monkeypatch.setitem(signs.SIGNS_SPLITS, 'test', (120, 24))
    with pytest.raises(data.DataError, match='Freshly generated'):
        signs._signs_split('test')
    assert list(tmp_path.iterdir()) == []


def test_make_split_is_seeded_and_balanced():
    x1, y1 = signs.make_split(12, seed=3)
    x2, y2 = signs.make_split(12, seed=3)
    x3, _ = signs.make_split(12, seed=4)
    np.testing.assert_array_equal(x1, x2)
    np.testing.assert_array_equal(y1, y2)
    assert not np.array_equal(x1, x3)
    assert np.bincount(y1).tolist() == [2] * 6


def test_rendering_is_fast():
    """The whole data set (1200 pictures) renders in a few seconds."""
    start = time.process_time()
    signs.make_split(120, seed=5)
    assert time.process_time() - start < 1.2    # about 0.45 s measured


def test_difficulty_zero_gives_the_canonical_pose():
    """At difficulty 0 only colours, blur and noise vary, not the pose."""
    rng = np.random.default_rng
    a = signs.render(3, rng(1), difficulty=0).astype(float)
    b = signs.render(3, rng(2), difficulty=0).astype(float)
    mask_a = np.abs(a - np.median(a, axis=(0, 1))).sum(-1) > 60
    mask_b = np.abs(b - np.median(b, axis=(0, 1))).sum(-1) > 60
    assert (mask_a & mask_b).sum() > 0.6 * max(mask_a.sum(), mask_b.sum())
