"""C4_W1A2 master notebook (Convolutional Neural Networks: Application):
runs top to bottom with clean public checks and no stderr, reaches the
accuracies it states within its budget (happyModel on the Happy House
clearly above a logistic regression on raw pixels; convolutional_model on
the hand signs), validates quickly. (Reference = full marks, stub = 0,
mutants, equivalents: the generic tests/autograder/test_grading.py,
`-k C4_W1A2`, in one shared sandbox as the loop grades.)"""
import pytest

from helpers import master
from notebook_runner import assert_public_checks_pass, execute, last_json

ID = 'C4_W1A2'
BUDGET_S = 480          # measured 443 s on 2 cores busy with 3 other jobs
                        # (100 epochs of SIGNS then; 40 now: 161 s idle)
HAPPY_RANGE = (0.90, 0.99)      # stated about 93 % (measured 0.933)
LOGISTIC_MAX = 0.65             # stated about 53 % (measured 0.533)
SIGNS_RANGE = (0.80, 0.95)      # stated about 88 % (measured 0.875)
SIGNS_EPOCHS = 40
CLAIMS = ('about **93 %**', 'all **100 %**', 'near **53 %**',
          'about **88 %**', 'about **91 %**', '**1,310**', '37,633')
REPORT = '''
import json
print(json.dumps({
    "happy": float(happy_accuracy), "logistic": float(logistic_accuracy),
    "happy_epochs": len(happy_history.history["loss"]),
    "happy_train": float(happy_history.history["accuracy"][-1]),
    "signs": float(signs_accuracy),
    "signs_train": float(signs_history.history["accuracy"][-1]),
    "signs_epochs": len(signs_history.history["loss"]),
    "wrong": int(len(wrong))}))
'''


# TensorFlow 2.21's C++ start-up lines reach stderr whatever
# TF_CPP_MIN_LOG_LEVEL says (in the imports cell, never in a test cell).
TF_STARTUP = ('absl::InitializeLog()', 'oneDNN custom operations are on')


def _stderr(nb):
    found = []
    for i, c in enumerate(nb.cells):
        for o in c.get('outputs', []) if c.cell_type == 'code' else []:
            if o.output_type == 'stream' and o.name == 'stderr':
                lines = [line for line in o.text.splitlines() if line and
                         not any(k in line for k in TF_STARTUP)]
                found += [(i, line) for line in lines]
    return found


@pytest.fixture(scope='module')
def run():
    return execute(ID, extra=REPORT)


@pytest.mark.slow
def test_runs_top_to_bottom_with_clean_public_checks(run):
    assert_public_checks_pass(run)
    assert _stderr(run) == []
    assert not [o for c in run.cells if c.cell_type == 'code'
                for o in c.get('outputs', []) if o.output_type == 'error']


@pytest.mark.slow
def test_full_run_stays_within_the_budget(run):
    """A full run on 2 cores within 8 minutes (measured 443 s while three
    other jobs shared the two cores)."""
    assert run.metadata['seconds'] < BUDGET_S


@pytest.mark.slow
def test_reaches_the_stated_accuracies(run):
    """The notebook states happyModel 100 % train / about 93 % test (the
    issue asks for at least 90 %), the logistic regression about 53 %, the
    hand signs about 91 % / 88 % (the issue asks for at least 80 %)."""
    r = last_json(run)
    assert r['happy_epochs'] == 20 and r['signs_epochs'] == SIGNS_EPOCHS, r
    assert HAPPY_RANGE[0] <= r['happy'] <= HAPPY_RANGE[1], r
    assert r['logistic'] <= LOGISTIC_MAX, r
    assert r['happy'] - r['logistic'] >= 0.15, r
    assert r['wrong'] == round((1 - r['happy']) * 150), r
    assert SIGNS_RANGE[0] <= r['signs'] <= SIGNS_RANGE[1], r


def test_notebook_states_its_claims():
    text = '\n'.join(c.source for c in master(ID).cells
                     if c.cell_type == 'markdown')
    for claim in CLAIMS:
        assert claim in text, claim


@pytest.mark.slow
def test_validate_mode_is_quick_and_stderr_free():
    nb = execute(ID, env={'NBGRADER_EXECUTION': 'validate'})
    assert nb.metadata['seconds'] < 90
    assert_public_checks_pass(nb)
    assert _stderr(nb) == []
