"""C2_W1A3 master notebook: runs top to bottom with clean public checks,
states the differences it reaches, and validates quickly."""
import numpy as np
import pytest

from notebook_runner import assert_public_checks_pass, execute, last_json
from shared_utils import gc_utils

pytestmark = [pytest.mark.slow]

REPORT = ('import json\n'
          'print(json.dumps({"provided": float(difference_provided), '
          '"mine": float(difference_mine)}))')


@pytest.fixture(scope='module')
def run():
    return execute('C2_W1A3', extra=REPORT)


def test_runs_top_to_bottom_with_clean_public_checks(run):
    assert run.metadata['seconds'] < 60
    assert_public_checks_pass(run)


def test_the_provided_backward_pass_is_flagged_as_stated(run):
    """The notebook states a difference of about 0.52 for the provided
    backward pass; the learner's copy starts with the same bugs."""
    result = last_json(run)
    assert result['provided'] == pytest.approx(0.52, abs=0.01), result
    assert result['mine'] == pytest.approx(result['provided']), result


def test_block_table_names_the_planted_bugs(run):
    text = ''.join(o.get('text', '') for c in run.cells
                   if c.cell_type == 'code' for o in c.get('outputs', []))
    assert 'ddb3: ' not in text
    lines = {line.split(':')[0]: line for line in text.splitlines()
             if line.startswith('d') and 'difference' in line}
    assert 'every entry 6x too large' in lines['db3']
    assert float(lines['dW3'].split()[2].rstrip(',')) < 1e-7
    for name in ('dW2', 'db2', 'dW1', 'db1'):
        assert float(lines[name].split()[2].rstrip(',')) > 1e-3, lines


def test_validate_mode_run_is_quick():
    nb = execute('C2_W1A3', env={'NBGRADER_EXECUTION': 'validate'})
    assert nb.metadata['seconds'] < 30


def _problem(seed, m):
    rng = np.random.default_rng(seed)
    parameters = {k: rng.normal(0, 0.8, size=s) for k, s in gc_utils.SHAPES}
    X = rng.normal(0, 1, size=(4, m))
    Y = (rng.uniform(size=(1, m)) > 0.5).astype(float)
    return parameters, X, Y


@pytest.mark.parametrize('seed', range(5))
def test_provided_backward_pass_has_exactly_the_two_planted_bugs(seed):
    """Fixing db3's 1/m and the layer-2 ReLU slope gives exact gradients."""
    from autograder.hidden.c2_w1a3 import _backward
    parameters, X, Y = _problem(seed, 4 + seed)
    _, cache = gc_utils.forward_propagation_n(X, Y, parameters)
    buggy = gc_utils.backward_propagation_n(X, Y, cache)
    right = _backward(X, Y, cache)
    m = X.shape[1]
    np.testing.assert_allclose(buggy['dW3'], right['dW3'])
    np.testing.assert_allclose(buggy['db3'], m * right['db3'])
    assert not np.allclose(buggy['dW2'], right['dW2'])


def test_vector_round_trip():
    parameters, _, _ = _problem(0, 3)
    theta, keys = gc_utils.dictionary_to_vector(parameters)
    assert theta.shape == (47, 1) and len(keys) == 47
    assert keys[0] == 'W1' and keys[-1] == 'b3'
    back = gc_utils.vector_to_dictionary(theta)
    for name, value in parameters.items():
        np.testing.assert_array_equal(back[name], value)
    grads = {'d' + k: v for k, v in parameters.items()}
    np.testing.assert_array_equal(gc_utils.gradients_to_vector(grads), theta)
    with pytest.raises(ValueError):
        gc_utils.vector_to_dictionary(theta[:-1])
