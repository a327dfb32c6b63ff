"""C1_W4A1 master notebook: runs top to bottom with clean public checks,
shows the seeded finite-difference check and the deep-network demo (scale
0.01 stalls, 1/sqrt(n) learns) with the numbers its markdown states, and
stays fast under Validate."""
import math

import pytest

from notebook_runner import assert_public_checks_pass, execute, last_json

pytestmark = [pytest.mark.slow]

REPORT = '''
import json
print(json.dumps({
    "A_small": A_small, "A_sqrt": A_sqrt,
    "dW_small": dW_small, "dW_sqrt": dW_sqrt,
    "results": {label: {"costs": r[0], "cost": r[1], "accuracy": r[2]}
                for label, r in deep_results.items()}}))
'''


def relative_errors(nb):
    text = ''.join(o.get('text', '') for cell in nb.cells
                   if cell.cell_type == 'code' for o in cell.outputs)
    return [line for line in text.splitlines() if 'relative error' in line]


def test_notebook_runs_with_clean_checks_and_reaches_the_stated_result():
    nb = execute('C1_W4A1', extra=REPORT)
    assert nb.metadata['seconds'] < 60
    assert_public_checks_pass(nb)
    # the finite-difference demo: every relative error below 1e-7
    lines = relative_errors(nb)
    errors = [float(line.rsplit(' ', 1)[1]) for line in lines]
    assert len(errors) == 6 and max(errors) < 1e-7, errors
    result = last_json(nb)
    # the markdown: with 0.01 the activations shrink by 25-100 per layer
    # to about 1e-8 and the gradients are about 1e-10; with 1/sqrt(n) the
    # activations stay between 0.5 and 1.4, the gradients about 1e-2
    A_small, A_sqrt = result['A_small'], result['A_sqrt']
    assert len(A_small) == len(A_sqrt) == 6, result
    assert all(25 <= a / b <= 110 for a, b in zip(A_small, A_small[1:])), \
        A_small
    assert 1e-9 < A_small[-1] < 1e-7, A_small
    assert all(1e-11 < g < 1e-9 for g in result['dW_small']), result
    assert all(0.5 <= a <= 1.5 for a in A_sqrt), A_sqrt
    assert all(1e-3 < g < 5e-2 for g in result['dW_sqrt']), result
    # the table: 0.01 stays at ln 2 (0.6931) with 56.5 %; 1/sqrt(n) is
    # below 0.24 after 200 iterations and ends at 0.168 with 91.2 %
    small = result['results']['scale 0.01']
    sqrt = result['results']['scale 1/sqrt(n)']
    assert len(small['costs']) == len(sqrt['costs']) == 20, result
    assert all(abs(c - math.log(2)) < 5e-4 for c in small['costs']), small
    assert abs(small['cost'] - math.log(2)) < 5e-4, small
    assert small['accuracy'] <= 60, small
    assert sqrt['costs'][2] < 0.24, sqrt
    assert 0.16 <= sqrt['cost'] <= 0.175, sqrt
    assert 90 <= sqrt['accuracy'] <= 92.5, sqrt


def test_validate_mode_run_is_quick():
    nb = execute('C1_W4A1', env={'NBGRADER_EXECUTION': 'validate'})
    assert nb.metadata['seconds'] < 30
    # the finite-difference check is seeded: the same numbers every run
    assert len(relative_errors(nb)) == 6
