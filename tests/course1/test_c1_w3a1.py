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
                  "train": {str(k): v for k, v in sweep_train.items()},
                  "held": {str(k): v for k, v in sweep_held.items()},
                  "split": [len(train_idx), len(held_idx),
                            len(set(train_idx) | set(held_idx))]}))
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
    """Markdown: baseline 50 %, 4 units 89.5 % (cost ~0.19)."""
    result = last_json(full_run)
    assert 45 <= result['baseline'] <= 55, result
    assert 88 <= result['nn'] <= 92, result
    assert 0.17 <= result['cost'] <= 0.21, result


def test_the_sweep_shows_what_its_markdown_states(full_run):
    """Markdown, on a seeded 200 / 200 split of the flower:
    training 68 / 80.5 / 89 / 90 / 91 / 95 / 95 %,
    held-out 61.5 / 81.5 / 85.5 / 87.5 / 86.5 / 85.5 / 86.5 %;
    wide layers gain nothing held out, only the gap grows."""
    result = last_json(full_run)
    assert result['split'] == [200, 200, 400], result
    train = {int(k): v for k, v in result['train'].items()}
    held = {int(k): v for k, v in result['held'].items()}
    assert sorted(train) == sorted(held) == [1, 2, 3, 4, 5, 20, 50]
    stated_train = {1: 68, 2: 80.5, 3: 89, 4: 90, 5: 91, 20: 95, 50: 95}
    stated_held = {1: 61.5, 2: 81.5, 3: 85.5, 4: 87.5, 5: 86.5, 20: 85.5,
                   50: 86.5}
    for n in stated_train:
        assert abs(train[n] - stated_train[n]) <= 1.5, (n, train)
        assert abs(held[n] - stated_held[n]) <= 1.5, (n, held)
    # one unit: about two thirds of the training points, fewer held out
    assert 62 <= train[1] <= 72 and held[1] < train[1], (train, held)
    # 3 to 5 units: about 90 % training, 85.5-87.5 % held out
    assert all(88 <= train[n] <= 92 for n in (3, 4, 5)), train
    assert all(85 <= held[n] <= 88 for n in (3, 4, 5)), held
    # 20 and 50 units: 95 % training, yet no better held out than the
    # best of 3 to 5 units, and no more than two points below it
    best_small = max(held[n] for n in (3, 4, 5))
    for n in (20, 50):
        assert train[n] >= 94, train
        assert best_small - 2 <= held[n] <= best_small, (n, held)
    # the gap: 2.5 points with 4 units, 8.5 and 9.5 with 50 and 20
    gap = {n: train[n] - held[n] for n in train}
    assert gap[4] <= 3.5, gap
    assert gap[20] >= 8 and gap[50] >= 8, gap


def test_validate_mode_run_is_quick():
    nb = execute('C1_W3A1', env={'NBGRADER_EXECUTION': 'validate'})
    assert nb.metadata['seconds'] < 60
    for cell in grade_cells(nb):
        assert 'all public checks passed' in ''.join(
            o.get('text', '') for o in cell.outputs), cell.source
