"""C2_W1A2 master notebook: runs top to bottom with clean public checks,
reaches the accuracies it states (both regularizers beat the plain model
on the test set by at least 2 points), and validates quickly."""
import pytest

from notebook_runner import assert_public_checks_pass, execute, last_json

pytestmark = [pytest.mark.slow]

REPORT = ('import json\n'
          'print(json.dumps({k: list(map(float, v)) '
          'for k, v in results.items()}))')

# The accuracies the notebook states (train %, test %), full run.
STATED = {'plain': (98.6, 93.5), 'l2': (94.8, 97.0),
          'dropout': (96.2, 97.5)}


@pytest.fixture(scope='module')
def run():
    return execute('C2_W1A2', extra=REPORT)


def test_runs_top_to_bottom_with_clean_public_checks(run):
    assert run.metadata['seconds'] < 180
    assert_public_checks_pass(run)


def test_reaches_the_stated_accuracies(run):
    result = last_json(run)
    for name, (train, test) in STATED.items():
        assert result[name][0] == pytest.approx(train, abs=1.5), result
        assert result[name][1] == pytest.approx(test, abs=1.5), result


def test_plain_model_overfits_and_both_regularizers_help(run):
    result = last_json(run)
    plain_train, plain_test = result['plain']
    assert plain_train - plain_test >= 3, result
    for name in ('l2', 'dropout'):
        train, test = result[name]
        assert test >= plain_test + 2, (name, result)
        assert train < plain_train, (name, result)


def test_validate_mode_run_is_quick():
    nb = execute('C2_W1A2', env={'NBGRADER_EXECUTION': 'validate'})
    assert nb.metadata['seconds'] < 30
