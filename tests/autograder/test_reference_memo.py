"""Our reference's results are replayed between trials of one process only
when a fresh call would give the same thing."""
import numpy as np
import pytest

from autograder import reference_memo, runners
from autograder.runners import ReferenceRunner

CALLS = []


def scaled(x, k=2.0):
    CALLS.append(1)
    return {'y': x * k, 'parts': [x.copy(), x.copy()]}


def noisy(x):
    CALLS.append(1)
    return x + np.random.rand(*x.shape)


@pytest.fixture(autouse=True)
def _fresh():
    CALLS.clear()
    reference_memo.forget()
    runners.clear_store()
    yield
    runners.clear_store()


def _trial(fn, *calls):
    """One trial: each call's value (a new trial starts first)."""
    runners.clear_store()
    runner = ReferenceRunner(fn, memo=True)
    return [runner.call(args, kwargs).value for args, kwargs in calls]


def test_the_same_call_in_the_next_trial_is_replayed_as_a_copy():
    x = np.arange(6.0).reshape(2, 3)
    first = _trial(scaled, ((x,), {}))[0]
    first['y'][0, 0] = 99.0                       # the caller edits it
    second = _trial(scaled, ((x,), {}))[0]
    assert len(CALLS) == 1
    np.testing.assert_array_equal(second['y'], x * 2)


def test_other_arguments_and_a_second_identical_call_are_made_afresh():
    x = np.ones((2, 2))
    _trial(scaled, ((x,), {}), ((x,), {}))
    assert len(CALLS) == 2                        # n-th call, not replayed
    _trial(scaled, ((x,), {}), ((x,), {}))
    assert len(CALLS) == 2                        # both replayed in order
    _trial(scaled, ((x,), {'k': 3.0}))
    _trial(scaled, ((x + 1,), {}))
    assert len(CALLS) == 4


def test_a_call_that_draws_from_numpys_generator_is_never_replayed():
    x = np.zeros((3,))
    np.random.seed(0)
    a = _trial(noisy, ((x,), {}))[0]
    np.random.seed(0)
    b = _trial(noisy, ((x,), {}))[0]
    assert len(CALLS) == 2
    np.testing.assert_array_equal(a, b)


def test_a_memo_off_runner_always_calls():
    x = np.ones(2)
    for _ in range(2):
        runners.clear_store()
        ReferenceRunner(scaled).call((x,), {})
    assert len(CALLS) == 2


# ------------------------------------------------------------ Keras objects
def small_net(units):
    import keras
    CALLS.append(1)
    inputs = keras.Input((4,))
    x = keras.layers.Dense(units)(inputs)
    x = keras.layers.BatchNormalization()(x)
    return keras.Model(inputs, x)


def test_a_model_comes_back_with_the_weights_it_was_made_with():
    runner = ReferenceRunner(small_net, memo=True)
    first = _trial(small_net, ((3,), {}))[0]
    made, _ = runner.run_model(first.handle, [np.ones((2, 4), 'float32')],
                               {'training': False})
    # a check runs it in training mode: batch-norm statistics move
    runner.run_model(first.handle, [np.random.rand(8, 4).astype('float32')
                                    * 10], {'training': True})
    moved, _ = runner.run_model(first.handle, [np.ones((2, 4), 'float32')],
                                {'training': False})
    assert not np.allclose(made, moved)
    again = _trial(small_net, ((3,), {}))[0]
    assert len(CALLS) == 1
    out, summary = runner.run_model(again.handle, [np.ones((2, 4),
                                                           'float32')],
                                    {'training': False})
    np.testing.assert_allclose(out, made)
    assert summary['params'] == first.summary['params']


def test_a_model_whose_layers_were_frozen_is_built_again():
    from autograder import keras_wire
    first = _trial(small_net, ((3,), {}))[0]
    keras_wire.STORE[first.handle].layers[1].trainable = False
    _trial(small_net, ((3,), {}))
    assert len(CALLS) == 2


# ---------------------------------------------------------------- mutants
def test_a_mutant_diagnosed_again_in_the_next_trial_is_replayed():
    """Naming the likely cause runs every mutant on the learner's inputs;
    the next wrong result asks for the same mutant results again."""
    from autograder.checking import Trial

    def doubled(x):
        CALLS.append('mutant')
        return x * 2

    def halved(x):
        CALLS.append('mutant')
        return x / 2

    x = np.arange(4.0)
    causes = []
    for _ in range(2):
        runners.clear_store()
        trial = Trial('f', lambda v: v, None, np.random.default_rng(0),
                      mutants=[('forgot to halve', doubled),
                               ('halved it', halved)])
        causes.append(trial.diagnose(x / 2, lambda f: f(x)))
    assert causes == ['halved it', 'halved it']
    assert len(CALLS) == 2                        # each mutant ran once


def test_the_oldest_functions_go_when_the_weights_pass_the_bound(
        monkeypatch):
    monkeypatch.setattr(reference_memo, 'KEEP_BYTES', 1)
    _trial(small_net, ((3,), {}))
    assert len(reference_memo._ENTRIES) == 1      # the newest always stays

    def other_net(units):
        return small_net(units + 1)
    _trial(other_net, ((3,), {}))
    assert list(reference_memo._ENTRIES) == [other_net]


def test_what_our_code_prints_stays_out_of_the_graders_output(capsys):
    def talkative(x):
        print("it's ada, the distance is 0.1")
        return x
    assert ReferenceRunner(talkative).call((3,), {}).value == 3
    assert capsys.readouterr().out == ''
