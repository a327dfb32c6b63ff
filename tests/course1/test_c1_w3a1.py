"""C1_W3A1 master notebook: runs top to bottom with clean public checks,
reaches the results its markdown states, and validates quickly."""
import pytest

from notebook_runner import (assert_public_checks_pass, execute, grade_cells,
                             last_json)

pytestmark = [pytest.mark.slow]

REPORT = '''
import json
print(json.dumps({"baseline": baseline_accuracy, "nn": nn_accuracy,
                  "cost": nn_cost,
                  "sweep": {str(k): v for k, v in sweep_accuracy.items()}}))
'''


@pytest.fixture(scope='module')
def full_run():
    return execute('C1_W3A1', extra=REPORT)


def test_runs_top_to_bottom_with_clean_public_checks(full_run):
    assert full_run.metadata['seconds'] < 120
    cells = list(grade_cells(full_run))
    assert len(cells) == 8
    assert_public_checks_pass(full_run)


def test_reaches_the_stated_results(full_run):
    """Markdown: baseline 50 %, 4 units 89.5 % (cost ~0.19), and the sweep
    67 / 82 / 84.5 / 89.5 / 89.75 / 90.5 / 90.5 %."""
    result = last_json(full_run)
    assert 45 <= result['baseline'] <= 55, result
    assert 88 <= result['nn'] <= 92, result
    assert 0.17 <= result['cost'] <= 0.21, result
    sweep = {int(k): v for k, v in result['sweep'].items()}
    assert sorted(sweep) == [1, 2, 3, 4, 5, 20, 50]
    assert 62 <= sweep[1] <= 72 and 77 <= sweep[2] <= 87, sweep
    assert 80 <= sweep[3] <= 89, sweep
    assert all(87 <= sweep[n] <= 93 for n in (4, 5, 20, 50)), sweep


def test_validate_mode_run_is_quick():
    nb = execute('C1_W3A1', env={'NBGRADER_EXECUTION': 'validate'})
    assert nb.metadata['seconds'] < 60
    for cell in grade_cells(nb):
        assert 'all public checks passed' in ''.join(
            o.get('text', '') for o in cell.outputs), cell.source
