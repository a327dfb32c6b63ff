"""shared_utils.nn_reference: the deep-net building blocks later notebooks
import agree with the C1_W4A1 master solutions and with the cost itself."""
import ast

import numpy as np
import pytest

from autograder import curriculum, notebook
from shared_utils import nn_reference as R

SAME = ['initialize_parameters', 'linear_forward',
        'linear_activation_forward', 'L_model_forward', 'compute_cost',
        'linear_backward', 'linear_activation_backward', 'L_model_backward',
        'update_parameters']


@pytest.fixture(scope='module')
def master():
    """The C1_W4A1 master's graded functions, run in a namespace."""
    nb = notebook.read(curriculum.get('C1_W4A1').master)
    ns = {}
    exec(notebook.prelude(nb), ns)
    for name, sources in notebook.graded_cells(nb).items():
        exec(sources[-1], ns)
    return ns


def _network(rng, dims):
    return {key: rng.normal(size=(dims[l], dims[l - 1] if key[0] == 'W'
                                  else 1)) / np.sqrt(dims[l - 1])
            for l in range(1, len(dims)) for key in (f'W{l}', f'b{l}')}


def test_the_w4a1_notebook_does_not_import_it():
    nb = notebook.read(curriculum.get('C1_W4A1').master)
    for cell in nb.cells:
        assert 'nn_reference' not in notebook.source(cell)


@pytest.mark.parametrize('name', SAME)
def test_agrees_with_the_w4a1_master(master, name):
    rng = np.random.default_rng(5)
    dims = [6, 5, 3, 1]
    params = _network(rng, dims)
    X = rng.normal(size=(6, 7))
    Y = (rng.uniform(size=(1, 7)) > 0.5).astype(float)
    AL, caches = R.L_model_forward(X, params)
    grads = R.L_model_backward(AL, Y, caches)
    dZ = rng.normal(size=(5, 7))
    args = {
        'initialize_parameters': (40, 30, 2),
        'linear_forward': (X, params['W1'], params['b1']),
        'linear_activation_forward': (X, params['W1'], params['b1'], 'relu'),
        'L_model_forward': (X, params),
        'compute_cost': (AL, Y),
        'linear_backward': (dZ, caches[0][0]),
        'linear_activation_backward': (dZ, caches[0], 'relu'),
        'L_model_backward': (AL, Y, caches),
        'update_parameters': (params, grads, 0.1),
    }[name]
    np.random.seed(3)
    ours = getattr(R, name)(*args)
    np.random.seed(3)
    theirs = master[name](*args)
    flat = [np.ravel(a) for a in _leaves(ours)]
    assert len(flat) == len(_leaves(theirs))
    for a, b in zip(flat, _leaves(theirs)):
        assert np.allclose(a, np.ravel(b))


def _leaves(value):
    if isinstance(value, dict):
        return [x for k in sorted(value) for x in _leaves(value[k])]
    if isinstance(value, (tuple, list)):
        return [x for v in value for x in _leaves(v)]
    return [np.asarray(value)]


def test_deep_initialisation_scales_by_fan_in():
    np.random.seed(0)
    params = R.initialize_parameters_deep([900, 400, 1])
    assert params['W1'].shape == (400, 900) and params['b2'].shape == (1, 1)
    assert abs(params['W1'].std() - 1 / 30) < 0.002
    assert not np.any(params['b1'])


def test_backward_matches_finite_differences_and_predict_thresholds():
    rng = np.random.default_rng(8)
    dims = [3, 4, 2, 1]
    params = _network(rng, dims)
    X = rng.normal(size=(3, 6))
    Y = (rng.uniform(size=(1, 6)) > 0.5).astype(float)
    AL, caches = R.L_model_forward(X, params)
    grads = R.L_model_backward(AL, Y, caches)
    eps = 1e-6
    for key, value in params.items():
        for index in np.ndindex(value.shape):
            costs = []
            for step in (eps, -eps):
                nudged = {k: v.copy() for k, v in params.items()}
                nudged[key][index] += step
                costs.append(float(R.compute_cost(
                    R.L_model_forward(X, nudged)[0], Y)))
            slope = (costs[0] - costs[1]) / (2 * eps)
            assert abs(grads['d' + key][index] - slope) < 1e-6
    assert np.array_equal(R.predict(X, params), (AL > 0.5).astype(float))


def test_is_numpy_only():
    tree = ast.parse(open(R.__file__).read())
    modules = {n.module or '' for n in ast.walk(tree)
               if isinstance(n, ast.ImportFrom)}
    modules |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import)
                for a in n.names}
    assert modules <= {'numpy', 'dnn_utils'}, modules
