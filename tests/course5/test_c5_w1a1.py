"""C5_W1A1 master notebook: runs top to bottom with clean public checks,
shows what it states (the numpy LSTM equals keras.layers.LSTM, the
backward passes pass the gradient check, the memory demo), and validates
quickly."""
import os

import numpy as np
import pytest

from autograder import grade
from notebook_runner import assert_public_checks_pass, execute, last_json

pytestmark = [pytest.mark.slow]

REPORT = '''
import json
print(json.dumps({
    "keras": float(keras_difference),
    "keras_parts": {k: float(v) for k, v in differences.items()},
    "grad": {k: float(v) for k, v in grad_check_errors.items()},
    "echo": {k: [float(e) for e in v] for k, v in echo.items()}}))
'''


@pytest.fixture(scope='module')
def run():
    return execute('C5_W1A1', extra=REPORT)


def _text(nb):
    return ''.join(o.get('text', '') for c in nb.cells
                   if c.cell_type == 'code' for o in c.get('outputs', []))


def test_runs_top_to_bottom_with_clean_public_checks(run):
    assert run.metadata['seconds'] < 240   # the budget: 4 minutes
    assert_public_checks_pass(run)


def test_numpy_lstm_agrees_with_keras_lstm(run):
    """The notebook states differences near 1e-16 (float64 rounding) for a,
    the last c and y, and prints them."""
    result = last_json(run)
    assert set(result['keras_parts']) == {'a, every step', 'c, last step',
                                          'y, every step'}
    assert result['keras'] < 1e-12, result['keras_parts']
    assert 'largest difference overall' in _text(run)


def test_backward_passes_pass_the_gradient_check(run):
    """Every gradient of both networks (weights, biases, x, a0) is within
    1e-7 of centred finite differences, as the notebook states."""
    grads = last_json(run)['grad']
    expected = {f'RNN d{k}' for k in ('Wax', 'Waa', 'ba', 'x', 'a0')} | {
        f'LSTM d{w}{g}' for g in 'fico' for w in 'Wb'} | {
        'LSTM dx', 'LSTM da0'}
    assert set(grads) == expected
    assert max(grads.values()) < 1e-7, grads
    printed = [line for line in _text(run).splitlines()
               if 'relative error' in line]
    assert len(printed) == 15, printed


def test_memory_demo_shows_what_the_text_says(run):
    """RNN echo nearly gone a dozen steps after the pulse; LSTM with bf = 0
    halves per step and ends below the RNN; with bf = 4 most is left."""
    echo = {k: np.array(v) for k, v in last_json(run)['echo'].items()}
    rnn, lstm0, lstm4 = (echo['basic RNN (above)'], echo['LSTM, bf = 0'],
                         echo['LSTM, bf = 4'])
    pulse = 3
    assert rnn[pulse + 12] < 0.01 * rnn[pulse]
    ratios = lstm0[pulse + 1:] / lstm0[pulse:-1]
    assert np.all((ratios > 0.4) & (ratios < 0.6)), ratios
    assert lstm0[-1] < rnn[-1]
    assert lstm4[-1] > 0.5 * lstm4[pulse]
    assert np.all(lstm4[pulse + 1:] / lstm4[pulse:-1] > 0.95)


def test_reference_lstm_matches_keras_on_other_sizes():
    """Our master's lstm_forward against keras.layers.LSTM in float32 (its
    default), on sizes the notebook does not use."""
    os.environ.setdefault('TF_CPP_MIN_LOG_LEVEL', '2')
    import keras
    lstm_forward = grade.reference('C5_W1A1').ns['lstm_forward']
    rng = np.random.default_rng(12)
    n_x, n_a, n_y, m, T_x = 5, 7, 3, 4, 9
    params = {'Wy': rng.normal(size=(n_y, n_a)),
              'by': rng.normal(size=(n_y, 1))}
    for g in 'fico':
        params['W' + g] = rng.normal(0, 0.5, (n_a, n_a + n_x))
        params['b' + g] = rng.normal(0, 0.5, (n_a, 1))
    x, a0 = rng.normal(size=(n_x, m, T_x)), rng.normal(size=(n_a, m))
    layer = keras.layers.LSTM(n_a, return_sequences=True)
    layer.build((m, T_x, n_x))
    layer.set_weights([
        np.concatenate([params['W' + g][:, n_a:].T for g in 'ifco'], 1),
        np.concatenate([params['W' + g][:, :n_a].T for g in 'ifco'], 1),
        np.concatenate([params['b' + g][:, 0] for g in 'ifco'])])
    seq = layer(np.transpose(x, (1, 2, 0)).astype('float32'),
                initial_state=[a0.T.astype('float32'),
                               np.zeros((m, n_a), 'float32')])
    a, _, _, _ = lstm_forward(x, a0, params)
    assert np.abs(np.transpose(np.asarray(seq), (2, 0, 1)) - a).max() < 1e-5


def test_validate_mode_run_is_quick():
    nb = execute('C5_W1A1', env={'NBGRADER_EXECUTION': 'validate'})
    assert nb.metadata['seconds'] < 60
    assert_public_checks_pass(nb)
