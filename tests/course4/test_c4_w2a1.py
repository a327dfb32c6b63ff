"""C4_W2A1 master notebook (Residual Networks): runs top to bottom with
clean checks, shows what it states (gradients vanish without skips and not
with them, ResNet-50 has 23,600,006 parameters, a short training run lowers
the loss, the pretrained ResNet-50 reaches the stated test accuracy on our
SIGNS), stays fast under Validate; the pretrained weights load into the
reference architecture."""
import pytest

from helpers import master
from notebook_runner import assert_public_checks_pass, execute, last_json

PRETRAINED_ACC = '0.958'           # stated in the notebook
REPORT = '''
import json
print(json.dumps({
    "params": int(resnet_params),
    "depth_ratio": {k: float(v) for k, v in depth_ratio.items()},
    "short_loss": [float(v) for v in short_history["loss"]],
    "pretrained": [float(pretrained_loss), float(pretrained_acc)],
}))
'''


@pytest.fixture(scope='module')
def run():
    return execute('C4_W2A1', extra=REPORT)


def _outputs(nb):
    return [(c.source, o) for c in nb.cells if c.cell_type == 'code'
            for o in c.get('outputs', [])]


@pytest.mark.slow
def test_runs_top_to_bottom_with_clean_checks(run):
    assert_public_checks_pass(run)
    assert not [o for _s, o in _outputs(run) if o.output_type == 'error']


@pytest.mark.slow
def test_full_run_stays_within_the_budget(run):
    """2 short epochs of ResNet-50 on 192 pictures and the evaluations
    (measured 253 s on 2 idle cores with 480 pictures, 216 s of it the
    training): within the 8 minutes the issue allows the heaviest."""
    assert run.metadata['seconds'] < 480


@pytest.mark.slow
def test_resnet50_has_the_stated_parameter_count(run):
    assert last_json(run)['params'] == 23_600_006


@pytest.mark.slow
def test_gradients_vanish_without_skips_as_stated(run):
    """Stated: first/last layer gradient about 1e-5 plain, about 7 times
    larger (not smaller) with skips."""
    ratio = last_json(run)['depth_ratio']
    assert 1e-6 < ratio['plain'] < 1e-4, ratio
    assert 3 < ratio['residual'] < 15, ratio


@pytest.mark.slow
def test_short_training_run_lowers_the_loss(run):
    loss = last_json(run)['short_loss']
    assert len(loss) == 2 and loss[1] < 0.9 * loss[0], loss


@pytest.mark.slow
def test_pretrained_model_reaches_the_stated_accuracy(run):
    loss, acc = last_json(run)['pretrained']
    assert f'{acc:.3f}' == PRETRAINED_ACC, (loss, acc)
    assert acc >= 0.9


def test_notebook_states_its_claims():
    text = ' '.join(' '.join(c.source for c in master('C4_W2A1').cells
                             if c.cell_type == 'markdown').split())
    for claim in ('23,600,006', '53,120', 'We trained', 'not a model from the'
                  ' course', '10^{-5}', PRETRAINED_ACC):
        assert claim in text, claim


@pytest.mark.slow
def test_validate_mode_run_is_quick():
    """Under Validate the training cells are skipped; what is left
    (building ResNet-50 twice, loading and evaluating the pretrained
    model) takes well under a minute and a half."""
    nb = execute('C4_W2A1', env={'NBGRADER_EXECUTION': 'validate'})
    assert nb.metadata['seconds'] < 90
    assert_public_checks_pass(nb)
