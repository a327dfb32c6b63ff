"""C2_W1A1 master notebook: runs top to bottom with clean public checks,
reaches the outcomes it states for the three initialisations, and
validates quickly."""
import pytest

from notebook_runner import assert_public_checks_pass, execute, last_json

pytestmark = [pytest.mark.slow]

REPORT = ('import json\n'
          'print(json.dumps({k: list(map(float, v)) '
          'for k, v in results.items()}))')


@pytest.fixture(scope='module')
def run():
    return execute('C2_W1A1', extra=REPORT)


def test_runs_top_to_bottom_with_clean_public_checks(run):
    assert run.metadata['seconds'] < 150
    assert_public_checks_pass(run)


def test_zeros_fail_to_break_symmetry(run):
    """Stated: cost stays at log 2, both accuracies 50 %."""
    train, test, first_cost = last_json(run)['zeros']
    assert train == pytest.approx(50.0) and test == pytest.approx(50.0)
    assert first_cost == pytest.approx(0.6931471805599453)


def test_large_random_starts_high_and_ends_mediocre(run):
    """Stated: first cost ≈ 13.8, train ≈ 83 %, test ≈ 86 %."""
    train, test, first_cost = last_json(run)['random']
    assert 12 < first_cost < 16
    assert 78 <= train <= 88 and 80 <= test <= 90


def test_he_trains_well(run):
    """Stated: first cost ≈ 0.88, train ≈ 99 %, test ≈ 96 %."""
    train, test, first_cost = last_json(run)['he']
    assert first_cost == pytest.approx(0.88, abs=0.02)
    assert train >= 97 and test >= 94


def test_symmetry_demo_keeps_rows_equal(run):
    text = ''.join(o.get('text', '') for c in run.cells
                   if c.cell_type == 'code' for o in c.get('outputs', []))
    assert 'all rows equal: True' in text
    assert 'every weight still zero: True' in text


def test_validate_mode_run_is_quick():
    nb = execute('C2_W1A1', env={'NBGRADER_EXECUTION': 'validate'})
    assert nb.metadata['seconds'] < 30
