"""Hidden checks for C5_W1A3, Improvise a Jazz Solo with an LSTM Network.

The two model builders get shared layers made in their own process from
markers (an LSTM and a Dense with *seeded* initial weights, and a
Reshape), so the learner's model and ours hold the same weights whatever
way they were written: the checks compare behaviour (outputs on fresh
inputs and sizes), the parameter count (shared layers: counted once) and
whether the layers passed in were the ones used — not the spelling of the
graph. `predict_and_sample` gets a small stand-in inference model, rebuilt
in the sandbox from its Keras config (``keras.layers.deserialize``), with
seeded weights and fresh sizes.
"""
import json

import numpy as np

from ..checking import Registry
from ..sandbox_child import KerasMake, KerasSummary

checks = Registry()


def _init(seed):
    return {'class_name': 'RandomNormal',
            'config': {'mean': 0.0, 'stddev': 0.7, 'seed': int(seed)}}


def _layers(t, n_values, n_a):
    """Markers for a seeded LSTM_cell and densor (made on each side)."""
    seed = int(t.rng.integers(1, 10_000))
    lstm = KerasMake('layers', 'LSTM', units=n_a, return_state=True,
                     unroll=True, kernel_initializer=_init(seed),
                     recurrent_initializer=_init(seed + 1),
                     bias_initializer=_init(seed + 2))
    densor = KerasMake('layers', 'Dense', units=n_values,
                       activation='softmax',
                       kernel_initializer=_init(seed + 3),
                       bias_initializer=_init(seed + 4))
    return lstm, densor


def _sizes(t):
    return (int(t.rng.integers(5, 13)), int(t.rng.integers(3, 9)),
            int(t.rng.integers(2, 5)))


def _states(t, m, n_a):
    return [t.rng.normal(0, 0.6, (m, n_a)).astype(np.float32)
            for _ in range(2)]


def _one_hot(t, shape, n_values):
    return np.eye(n_values, dtype=np.float32)[t.rng.integers(0, n_values,
                                                             shape)]


def _model_checks(t, label, args, got, inputs, steps):
    """Parameters, the number of outputs and the outputs themselves (the
    seeded weights make them ours only if the layers passed in are used)."""
    t.require(f'{label}: returns a Keras model',
              isinstance(got, KerasSummary) and got.summary['kind'] ==
              'graph', 'expected a Keras Model built with the Functional '
              'API — return Model(inputs=[...], outputs=outputs)')
    expected = t.ref(*args)
    params = expected.summary['params']
    t.close(f'{label}: number of parameters', got.summary['params'], params,
            via=lambda f: f(*args).summary['params'],
            hint='with shared layers the LSTM and the Dense count once: '
                 'call the layers passed in at every step, never new ones')
    out = t.run_model(got, inputs)
    ours = t.run_model(expected, inputs, ours=True)
    n_out = len(out) if isinstance(out, list) else 1
    t.check(f'{label}: one output per step', n_out == steps,
            f'expected a list of {steps} outputs, got {n_out} — append '
            'densor(a) to outputs inside the loop and pass the whole list '
            'to Model(outputs=...)', weight=2)
    t.close(f'{label}: outputs (same weights as ours)', out, ours,
            via=lambda f: t.run_model(f(*args), inputs, ours=True),
            rtol=1e-4, atol=1e-5,
            hint='check that the layers passed in are the ones called, '
                 'what each is applied to, and that each step gets the '
                 'previous step\'s states')


@checks('djmodel')
def djmodel(t):
    for _ in range(2):
        n_values, n_a, m = _sizes(t)
        Tx = int(t.rng.integers(3, 8))
        lstm, densor = _layers(t, n_values, n_a)
        reshaper = KerasMake('layers', 'Reshape',
                             target_shape=(1, n_values))
        args = (Tx, lstm, densor, reshaper)
        label = f'djmodel(Tx={Tx}, n_values={n_values}, n_a={n_a})'
        with t.case():
            got = t.call(*args, label=f'{label} runs')
            inputs = [_one_hot(t, (m, Tx), n_values)] + _states(t, m, n_a)
            _model_checks(t, label, args, got, inputs, Tx)


@checks('music_inference_model')
def music_inference_model(t):
    for _ in range(2):
        n_values, n_a, m = _sizes(t)
        Ty = int(t.rng.integers(3, 8))
        lstm, densor = _layers(t, n_values, n_a)
        args = (lstm, densor, Ty)
        label = (f'music_inference_model(Ty={Ty}, n_values={n_values}, '
                 f'n_a={n_a})')
        with t.case():
            got = t.call(*args, label=f'{label} runs')
            inputs = [_one_hot(t, (m, 1), n_values)] + _states(t, m, n_a)
            _model_checks(t, label, args, got, inputs, Ty)


_FIXTURES = {}


def _fixture(n_values, n_a, Ty, seed, spare_last):
    """The stand-in inference model as a marker: its Keras config, rebuilt
    (with the same seeded weights) on the side that runs the call."""
    key = (n_values, n_a, Ty, seed, spare_last)
    if key not in _FIXTURES:
        import keras

        from shared_utils.checks.c5_w1a3 import sampler_fixture
        model = sampler_fixture(n_values, n_a, Ty, seed, spare_last)
        _FIXTURES[key] = json.loads(json.dumps(
            keras.saving.serialize_keras_object(model)))
    return KerasMake('layers', 'deserialize', config=_FIXTURES[key])


@checks('predict_and_sample')
def predict_and_sample(t):
    for spare_last in (True, False):
        n_values, n_a, _ = _sizes(t)
        Ty = int(t.rng.integers(4, 9))
        model = _fixture(n_values, n_a, Ty, int(t.rng.integers(1, 10_000)),
                         spare_last)
        x = _one_hot(t, (1, 1), n_values)
        a, c = _states(t, 1, n_a)
        args = (model, x, a, c)
        label = f'predict_and_sample (Ty={Ty}, n_values={n_values})'
        with t.case():
            value = t.call(*args, label=f'{label} runs')
            results, indices = t.unpack(f'{label}: returns (results, '
                                        'indices)', value, 2)
            e_results, e_indices = t.ref(*args)
            t.shape(f'{label}: indices', indices, np.shape(e_indices),
                    via=lambda f: f(*args)[1],
                    hint='one index per step: np.argmax over the last axis '
                         '(the values), shape (Ty, 1)')
            t.check(f'{label}: indices are integers',
                    np.asarray(indices).dtype.kind in 'iu',
                    f'got dtype {np.asarray(indices).dtype} — np.argmax '
                    'gives integer indices')
            t.close(f'{label}: indices', indices, e_indices,
                    via=lambda f: f(*args)[1],
                    hint='take np.argmax over the values axis of the '
                         'predictions for [x_initializer, a_initializer, '
                         'c_initializer], in that order')
            t.shape(f'{label}: results', results, np.shape(e_results),
                    via=lambda f: f(*args)[0],
                    hint='one-hot over all the values: to_categorical('
                         'indices, num_classes=n_values), n_values from the '
                         'predictions\' last axis')
            t.close(f'{label}: results', results, e_results,
                    via=lambda f: f(*args)[0],
                    hint='results should be the one-hot vectors of indices')
