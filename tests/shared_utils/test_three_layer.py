"""Tests of shared_utils.three_layer, the provided 3-layer network."""
import numpy as np

from shared_utils import three_layer as net


def _problem(seed=0, m=6):
    rng = np.random.default_rng(seed)
    params = net.initialize_parameters([3, 5, 4, 1])
    params = {k: v + rng.normal(0, 0.1, v.shape) for k, v in params.items()}
    X = rng.normal(0, 1, (3, m))
    Y = (rng.uniform(size=(1, m)) > 0.5).astype(float)
    return X, Y, params


def test_initialize_parameters_is_seeded_and_leaves_global_state():
    state = np.random.get_state()[1].copy()
    a = net.initialize_parameters([2, 20, 3, 1])
    b = net.initialize_parameters([2, 20, 3, 1])
    assert np.array_equal(np.random.get_state()[1], state)
    for key in a:
        np.testing.assert_array_equal(a[key], b[key])
    assert a['W1'].shape == (20, 2) and a['b3'].shape == (1, 1)
    assert not np.any(a['b1'])


def test_backward_propagation_matches_numerical_gradients():
    X, Y, params = _problem()
    _, cache = net.forward_propagation(X, params)
    grads = net.backward_propagation(X, Y, cache)
    eps = 1e-6
    for key in ('W1', 'b1', 'W2', 'b2', 'W3', 'b3'):
        numeric = np.zeros_like(params[key])
        for idx in np.ndindex(params[key].shape):
            plus = {k: v.copy() for k, v in params.items()}
            minus = {k: v.copy() for k, v in params.items()}
            plus[key][idx] += eps
            minus[key][idx] -= eps
            numeric[idx] = (
                net.compute_cost(net.forward_propagation(X, plus)[0], Y)
                - net.compute_cost(net.forward_propagation(X, minus)[0], Y)
            ) / (2 * eps)
        np.testing.assert_allclose(grads[f'd{key}'], numeric, atol=1e-7)


def test_cost_is_clipped_not_infinite():
    Y = np.array([[1.0, 0.0]])
    cost = net.compute_cost(np.array([[0.0, 1.0]]), Y)
    assert np.isfinite(cost) and cost > 25


def test_update_and_predict():
    X, Y, params = _problem()
    grads = {f'd{k}': np.ones_like(v) for k, v in params.items()}
    new = net.update_parameters(params, grads, 0.1)
    np.testing.assert_allclose(new['W2'], params['W2'] - 0.1)
    pred = net.predict(X, params)
    assert pred.shape == (1, 6) and set(np.unique(pred)) <= {0, 1}
    assert net.accuracy(X, pred, params) == 100.0
