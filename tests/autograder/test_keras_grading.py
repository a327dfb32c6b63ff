"""The Keras grading path, proven on the demo notebook's two exercises
(a Sequential model builder and a layer subclass): reference full, stub 0,
every edit-mutant loses points with its cause, equivalents full."""
import importlib
import os
import sys

import pytest

from autograder import curriculum, grade
from autograder.sandbox import Limits, Sandbox
from helpers import submission
from shared_utils.checks import CheckFailed

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
DEMO = 'KERAS_DEMO'


@pytest.fixture(scope='module')
def box():
    box = Sandbox(Limits(call_s=60, memory=16 * 2 ** 30))
    yield box
    box.close()


def _grade(box, name, source):
    ref = grade.reference(DEMO)
    if box.dead:
        box.__init__(box.limits)
    return grade.grade_function(ref, name, [source], box)


def _mutants():
    for name, found in curriculum.get(DEMO).mutants.mutants.by_name.items():
        for i, mutant in enumerate(found):
            yield pytest.param(mutant, id=f'{name}-{i}')


def _equivalents():
    module = importlib.import_module('equivalents.keras_demo')
    for name, found in module.equivalents.by_name.items():
        for i, variant in enumerate(found):
            yield pytest.param(variant, id=f'{name}-{i}')


def test_reference_gets_full_marks_and_stub_zero():
    full = grade.grade_notebook(submission(DEMO, release=False), DEMO)
    for result in full.values():
        assert result.score == result.max_score, result.report()
        assert result.total >= 8, result.report()
    stub = grade.grade_notebook(submission(DEMO), DEMO)
    for result in stub.values():
        assert result.score == 0 and 'not implemented' in result.report()


@pytest.mark.parametrize('mutant', list(_mutants()))
def test_keras_mutant_loses_points_with_its_cause(box, mutant):
    ref = grade.reference(DEMO)
    result = _grade(box, mutant.name, ref.mutant_source(mutant))
    report = result.report()
    assert result.score < result.max_score, report
    assert mutant.cause in report or all(' — ' in m
                                         for m in result.messages), report


def test_named_first_difference_for_a_wrong_stride(box):
    ref = grade.reference(DEMO)
    mutant = ref.assignment.mutants.mutants.by_name['tiny_convnet'][0]
    report = _grade(box, 'tiny_convnet', ref.mutant_source(mutant)).report()
    assert 'MaxPooling2D) has strides (1, 1), expected (2, 2)' in report
    assert 'likely cause: MaxPooling2D(pool_size=2) already' in report


@pytest.mark.parametrize('variant', list(_equivalents()))
def test_equivalent_keras_solution_gets_full_marks(box, variant):
    result = _grade(box, variant.name, variant.source)
    assert result.score == result.max_score, \
        f'{variant.cause}:\n{result.report()}'


def test_public_checks_pass_on_reference_and_catch_the_public_mutant():
    from shared_utils.checks import keras_demo as checks
    ref = grade.reference(DEMO)
    for name in ref.order:
        getattr(checks, name)(ref.ns[name])
        public = [m for m in ref.assignment.mutants.mutants.by_name[name]
                  if m.public]
        with pytest.raises(CheckFailed):
            getattr(checks, name)(ref._compile(public[0]))


def test_optimizers_losses_datasets_and_compile_settings_travel_as_data():
    import keras
    import numpy as np
    import tensorflow as tf

    from autograder import keras_checks
    from autograder.runners import to_data
    adam = to_data(keras.optimizers.Adam(learning_rate=0.01))
    assert adam['class'] == 'Adam'
    assert abs(adam['config']['learning_rate'] - 0.01) < 1e-8
    loss = to_data(keras.losses.BinaryCrossentropy(from_logits=True))
    assert loss == {'class': 'BinaryCrossentropy', 'config': {
        'axis': -1, 'from_logits': True, 'label_smoothing': 0.0,
        'reduction': 'sum_over_batch_size'}}
    data = tf.data.Dataset.from_tensor_slices(
        (np.arange(10.).reshape(5, 2), np.arange(5))).batch(2)
    sample = to_data(data)
    assert len(sample.take) == 3 and sample.take[2][1].tolist() == [4]

    def compiled(rate):
        model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])
        model.compile(optimizer=keras.optimizers.Adam(rate),
                      loss='binary_crossentropy', metrics=['accuracy'])
        return to_data(model).summary
    assert keras_checks.first_difference(compiled(1e-3), compiled(1e-3)) == ''
    assert keras_checks.first_difference(compiled(1e-2), compiled(1e-3)) == \
        'the optimizer has learning_rate 0.01, expected 0.001'
