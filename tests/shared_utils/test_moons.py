"""Tests of shared_utils.moons (C2_W2A1's data) and shared_utils.opt_utils."""
import numpy as np
import pytest

from shared_utils import data, moons, opt_utils

# Digests of load_moons() with scikit-learn 1.9.1, numpy 2.4.6.
X_SHA256 = '6df34deba7e013462a8a51318e2f57504492cc4f6272fe921cfadee22ab21e72'
Y_SHA256 = 'bb0eeafdf1cefecbd24ae88dfdf3184b969bbf4083dc3c60428f1e72652467fa'


def test_shapes_labels_and_digests():
    X, Y = data.load_moons()
    assert X.shape == (2, 300) and X.dtype == np.float64
    assert Y.shape == (1, 300) and Y.dtype == np.int64
    assert set(np.unique(Y)) == {0, 1} and Y.sum() == 150
    assert data.digest(X) == X_SHA256, 'make_moons changed its output'
    assert data.digest(Y) == Y_SHA256


def test_seeded_and_leaves_global_random_state_alone():
    np.random.seed(123)
    before = np.random.get_state()[1].copy()
    X1, _ = moons.load_moons()
    np.testing.assert_array_equal(np.random.get_state()[1], before)
    X2, _ = moons.load_moons()
    X3, _ = moons.load_moons(seed=4)
    np.testing.assert_array_equal(X1, X2)
    assert not np.array_equal(X1, X3)
    assert moons.load_moons(n_samples=20)[0].shape == (2, 20)


def _numerical_grads(X, Y, parameters, eps=1e-6):
    grads = {}
    for name, value in parameters.items():
        g = np.zeros_like(value)
        for idx in np.ndindex(value.shape):
            for sign in (1, -1):
                p = {k: v.copy() for k, v in parameters.items()}
                p[name][idx] += sign * eps
                AL, _ = opt_utils.forward_propagation(X, p)
                g[idx] += sign * opt_utils.compute_cost(AL, Y)
        grads['d' + name] = g / (2 * eps) / X.shape[1]
    return grads


@pytest.mark.parametrize('dims', [[2, 5, 2, 1], [3, 4, 1]])
def test_backward_matches_the_averaged_summed_cost(dims):
    rng = np.random.default_rng(len(dims))
    parameters = opt_utils.initialize_parameters(dims, seed=1)
    for k in parameters:
        if k.startswith('b'):
            parameters[k] = rng.normal(0, 0.5, size=parameters[k].shape)
    X = rng.normal(0, 1, size=(dims[0], 7))
    Y = (rng.uniform(size=(1, 7)) > 0.5).astype(float)
    AL, cache = opt_utils.forward_propagation(X, parameters)
    grads = opt_utils.backward_propagation(X, Y, cache)
    expected = _numerical_grads(X, Y, parameters)
    for key, value in expected.items():
        np.testing.assert_allclose(grads[key], value, rtol=1e-5, atol=1e-8)


def test_cost_is_a_sum_and_predictions_are_labels():
    AL = np.array([[0.5, 0.5, 0.5, 0.5]])
    Y = np.array([[1, 0, 1, 0]])
    assert opt_utils.compute_cost(AL, Y) == pytest.approx(4 * np.log(2))
    parameters = opt_utils.initialize_parameters([2, 3, 1], seed=0)
    X = np.random.default_rng(0).normal(size=(2, 9))
    p = opt_utils.predict(X, parameters)
    assert p.shape == (1, 9) and set(np.unique(p)) <= {0.0, 1.0}
    assert 0 <= opt_utils.accuracy(X, np.ones((1, 9)), parameters) <= 100
