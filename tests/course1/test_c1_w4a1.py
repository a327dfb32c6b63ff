"""C1_W4A1 master notebook: runs top to bottom with clean public checks,
reaches the stated ring-demo result, and stays fast under Validate."""
import pytest

from notebook_runner import assert_public_checks_pass, execute, last_json

pytestmark = [pytest.mark.slow]

REPORT = '''
import json
print(json.dumps({"ring_accuracy": float(ring_accuracy),
                  "ring_cost": float(ring_costs[-1])}))
'''


def test_notebook_runs_with_clean_checks_and_reaches_the_stated_result():
    nb = execute('C1_W4A1', extra=REPORT)
    assert nb.metadata['seconds'] < 60
    assert_public_checks_pass(nb)
    # the finite-difference demo: every relative error below 1e-7
    text = ''.join(o.get('text', '') for cell in nb.cells
                   if cell.cell_type == 'code' for o in cell.outputs)
    errors = [float(line.rsplit(' ', 1)[1]) for line in text.splitlines()
              if 'relative error' in line]
    assert len(errors) == 6 and max(errors) < 1e-7, errors
    # the notebook states: cost about 0.13, training accuracy about 95 %
    result = last_json(nb)
    assert result['ring_accuracy'] >= 92, result
    assert result['ring_cost'] < 0.2, result


def test_validate_mode_run_is_quick():
    nb = execute('C1_W4A1', env={'NBGRADER_EXECUTION': 'validate'})
    assert nb.metadata['seconds'] < 30
