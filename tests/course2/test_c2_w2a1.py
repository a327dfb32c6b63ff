"""C2_W2A1 master notebook: runs top to bottom with clean public checks,
reaches the accuracies it states, shows the step counts of the narrow
valley and the batch-size race it states, and validates quickly."""
import pytest

from notebook_runner import assert_public_checks_pass, execute, last_json

pytestmark = [pytest.mark.slow]

REPORT = '''import json
valley_final = {k: float(np.linalg.norm(p[-1]))
                for k, p in valley_paths.items()}
print(json.dumps({
    'accuracies': {**accuracies, **decay_accuracies},
    'valley': {'steps': valley_steps, 'rates': valley_rates,
               'final_distance': valley_final,
               'momentum_max_w1': float(valley_paths['momentum'][:, 0].max()),
               'gd_at_momentum_rate': steps_to_reach(
                   descend('gd', valley_rates['momentum'])),
               'kappa': KAPPA},
    'batches': {name: {**batch_results[name],
                       'max_rise': float(np.max(np.diff(costs)))}
                for name, (costs, _) in batch_runs.items()}}))'''

# What the notebook states for the full run (training accuracy, %).
STATED = {'gd': 81, 'momentum': 81, 'adam': 93, 'gd_update_lr': 79,
          'gd_schedule': 93, 'momentum_schedule': 93, 'adam_schedule': 94}
# Section 7: steps to stay within 0.1 of the minimum, and the best rates.
VALLEY_STEPS = {'gd': 231, 'momentum': 56, 'rmsprop': 102}
VALLEY_RATES = {'gd': 0.0158, 'momentum': 0.1, 'rmsprop': 0.0501}
# Section 8: epochs until the training cost falls below 0.25.
BATCH_EPOCHS = {'batch': 1761, 'mini-batch': 346, 'stochastic': 9}


@pytest.fixture(scope='module')
def run():
    return execute('C2_W2A1', extra=REPORT)


def test_runs_top_to_bottom_with_clean_public_checks(run):
    assert run.metadata['seconds'] < 180
    assert_public_checks_pass(run)


def test_reaches_the_stated_accuracies(run):
    result = last_json(run)['accuracies']
    assert set(result) == set(STATED)
    for key, stated in STATED.items():
        assert abs(result[key] - stated) <= 1.5, (key, result)
    # the story: Adam beats plain mini-batch GD and momentum at a small
    # learning rate; scheduled decay lets them catch up; update_lr stalls
    assert result['adam'] >= result['gd'] + 8
    assert result['adam'] >= result['momentum'] + 8
    for key in ('gd_schedule', 'momentum_schedule', 'adam_schedule'):
        assert result[key] >= result['gd_update_lr'] + 8, (key, result)


def test_momentum_and_rmsprop_cross_the_narrow_valley_faster(run):
    valley = last_json(run)['valley']
    steps, rates = valley['steps'], valley['rates']
    for key, stated in VALLEY_STEPS.items():
        assert abs(steps[key] - stated) <= 3, (key, valley)
        assert rates[key] == pytest.approx(VALLEY_RATES[key], rel=0.01)
    # "about a quarter of gradient descent's steps, RMSProp less than half"
    assert 0.2 <= steps['momentum'] / steps['gd'] <= 0.3, valley
    assert 2 * steps['rmsprop'] <= steps['gd'], valley
    # gradient descent's best rate is under 2 / kappa; momentum's is six
    # times larger, and gradient descent never settles at that rate
    assert rates['gd'] < 2 / valley['kappa'] <= rates['momentum']
    assert rates['momentum'] / rates['gd'] >= 5.5, valley
    assert valley['gd_at_momentum_rate'] is None, valley
    # momentum overshoots the minimum (w1 > 0) and ends very close to it;
    # RMSProp hovers a few hundredths away
    assert valley['momentum_max_w1'] > 0.1, valley
    assert valley['final_distance']['momentum'] < 1e-3, valley
    assert 0.01 <= valley['final_distance']['rmsprop'] < 0.1, valley


def test_batch_sizes_ordered_by_epochs_and_seconds(run):
    batches = last_json(run)['batches']
    for key, stated in BATCH_EPOCHS.items():
        assert batches[key]['epochs'] == pytest.approx(stated, rel=0.05), (
            key, batches)
    batch, mini, sgd = (batches[k] for k in ('batch', 'mini-batch',
                                             'stochastic'))
    # per epoch: stochastic < mini-batch (about 5 times fewer) < batch
    assert sgd['epochs'] < mini['epochs'] < batch['epochs'], batches
    assert 4 <= batch['epochs'] / mini['epochs'] <= 6, batches
    # per second: an SGD epoch costs more than 20 batch epochs, and both
    # mini-batch and SGD still reach the line before batch GD
    assert sgd['ms_per_epoch'] > 20 * batch['ms_per_epoch'], batches
    assert mini['seconds'] < batch['seconds'], batches
    assert sgd['seconds'] < batch['seconds'], batches
    # SGD's curve has a spike; the batch and mini-batch curves are smooth
    assert sgd['max_rise'] > 0.1, batches
    assert batch['max_rise'] < 0.01 and mini['max_rise'] < 0.01, batches


def test_validate_mode_run_is_quick():
    nb = execute('C2_W2A1', env={'NBGRADER_EXECUTION': 'validate'})
    assert nb.metadata['seconds'] < 60
