"""C4_W4A1 master notebook (Face Recognition): runs top to bottom with clean
public checks, in full and under nbgrader (nothing trains in either), and
shows what it states: the threshold chosen on validation people reaches
at least 95 % verification accuracy on held-out people, the trained
encoder's triplet loss is at most a tenth of an untrained one's, the door
opens for the right person and not for a false claim, and `who_is_it`
names nearly every camera shot right and turns the stranger away. Also:
the synthetic people and the committed encoder are as stated. (Reference
= full marks, stub = 0, mutants, equivalents: the generic
tests/autograder/test_grading.py, `-k C4_W4A1`.)"""
import os

import numpy as np
import pytest

from helpers import master
from notebook_runner import (assert_public_checks_pass, execute, last_json,
                             stderr_lines)
from shared_utils import assets_faces, faces

REPORT = '''
import json
print(json.dumps({
    "params": int(encoder.count_params()),
    "threshold": THRESHOLD, "val_accuracy": float(val_accuracy),
    "test_accuracy": float(test_accuracy), "same_right": same_right,
    "different_right": different_right,
    "pairs": [int(same_val.sum()), int((~same_val).sum())],
    "losses": triplet_losses,
    "database": [len(database), list(database["amara"].shape)],
    "bjorn": [dist_bjorn, bool(open_bjorn)],
    "esme": [dist_esme, bool(open_esme)],
    "named_right": int(named_right),
    "stranger_rejected": int(stranger_rejected),
    "recognition_rate": recognition_rate,
    "images": sorted(os.listdir("images"))}))
'''

os.environ.setdefault('TF_CPP_MIN_LOG_LEVEL', '2')   # as `make test` sets


def _check(result):
    assert result['params'] < 1_000_000, result
    assert result['pairs'] == [240, 12480], result
    # the threshold is the validation split's best one, not a guess
    assert 0.2 < result['threshold'] < 1.6, result
    assert result['val_accuracy'] >= 0.95, result
    assert result['test_accuracy'] >= 0.95, result          # stated
    assert result['same_right'] >= 0.9, result
    assert result['different_right'] >= 0.9, result
    losses = result['losses']
    assert losses['trained'] <= 0.1 * losses['untrained'], losses  # stated
    assert result['database'] == [12, [1, 128]], result
    assert result['bjorn'][1] is True and result['esme'][1] is False
    assert result['bjorn'][0] < result['threshold'] < result['esme'][0]
    assert result['named_right'] >= 4, result
    assert result['stranger_rejected'] == 1, result
    assert result['recognition_rate'] >= 0.9, result  # "nearly every"
    assert len(result['images']) == 18, result


@pytest.fixture(scope='module')
def run():
    return execute('C4_W4A1', extra=REPORT)


@pytest.mark.slow
def test_runs_top_to_bottom_and_shows_what_it_states(run):
    """Nothing trains: a full run takes well under a minute."""
    assert_public_checks_pass(run)
    assert stderr_lines(run) == []
    assert run.metadata['seconds'] < 180
    _check(last_json(run))


@pytest.mark.slow
def test_graded_run_is_the_same_and_fast():
    nb = execute('C4_W4A1', extra=REPORT,
                 env={'NBGRADER_EXECUTION': 'validate'})
    assert_public_checks_pass(nb)
    assert stderr_lines(nb) == []
    assert nb.metadata['seconds'] < 60
    _check(last_json(nb))


def test_notebook_states_its_claims():
    text = '\n'.join(c.source for c in master('C4_W4A1').cells
                     if c.cell_type == 'markdown')
    for claim in ('**at least 95 %**', '**at most a tenth**',
                  '240 same-person pairs', '12,480 different-person pairs',
                  '16\npeople × 4 photos', '1,500 Adam', 'the 800 people',
                  '`(1, 128)`', 'Nearly every shot is named right'):
        assert claim in text, claim


def test_people_and_photos_are_deterministic_and_groups_differ():
    a = faces.photo('test', 3, 1)
    assert a.shape == (faces.SIZE, faces.SIZE, 3) and a.dtype == np.uint8
    assert np.array_equal(a, faces.photo('test', 3, 1))
    assert not np.array_equal(a, faces.photo('test', 3, 2))
    assert faces.person('test', 3) != faces.person('val', 3)
    assert faces.person('train', 3) != faces.person('test', 3)
    assert assets_faces.BUDGETS['full']['people'] == 800
    assert assets_faces.BUDGETS['full']['steps'] == 1500


def test_img_to_encoding_reads_files_and_arrays_alike(tmp_path):
    from shared_utils.checks.c4_w4a1 import toy_encoder
    model = toy_encoder(size=16, dim=10, seed=1)
    photo = faces.photo('val', 0, 0)
    path = tmp_path / 'p.png'
    faces.save_png(photo, path)
    from_file = faces.img_to_encoding(str(path), model)
    from_array = faces.img_to_encoding(photo, model)
    assert from_file.shape == (1, 10)
    assert np.allclose(np.linalg.norm(from_file), 1.0, atol=1e-5)
    assert np.allclose(from_file, from_array, atol=1e-6)


def test_committed_encoder_is_small():
    assert faces.WEIGHTS.stat().st_size <= 5 * 2 ** 20
    assert faces.build_encoder().count_params() < 1_000_000
