"""Reference = full marks, stub = 0, every mutant loses points, equivalent
solutions pass: for every graded function of every assignment."""
import importlib
import os
import sys

import pytest

from autograder import curriculum, grade
from autograder.sandbox import Sandbox
from helpers import ASSIGNMENTS, submission
from shared_utils.checks import CheckFailed

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))


_SHARED = {}     # assignment id -> its sandbox (shared_sandbox ones)


def _grade_one(assignment_id, name, source):
    """Grade one version of one function under the assignment's limits.

    As grade_notebook does, an assignment marked shared_sandbox (its
    imports are slow: TensorFlow) grades in one process, replaced after a
    failure; each of the others gets a fresh process. One shared process is
    kept at a time (tests are grouped by assignment: see conftest.py)."""
    ref = grade.reference(assignment_id)
    limits = grade.limits_for(ref.assignment)
    if not ref.assignment.shared_sandbox:
        box = Sandbox(limits)
        try:
            return grade.grade_function(ref, name, [source], box)
        finally:
            box.close()
    box = _SHARED.get(assignment_id)
    if box is None or box.dead:
        for other in _SHARED.values():
            other.close()
        _SHARED.clear()
        box = _SHARED[assignment_id] = Sandbox(limits)
    return grade.grade_function(ref, name, [source], box)


@pytest.fixture(scope='module', autouse=True)
def _close_shared_sandboxes():
    yield
    for box in _SHARED.values():
        box.close()


def _mutants():
    for assignment_id in ASSIGNMENTS:
        catalogue = curriculum.get(assignment_id).mutants.mutants.by_name
        for name, found in catalogue.items():
            for i, mutant in enumerate(found):
                yield pytest.param(assignment_id, mutant,
                                   id=f'{assignment_id}-{name}-{i}')


def _equivalents():
    for assignment_id in ASSIGNMENTS:
        module = importlib.import_module(
            f'equivalents.{curriculum.get(assignment_id).module}')
        for name, found in module.equivalents.by_name.items():
            for i, variant in enumerate(found):
                yield pytest.param(assignment_id, variant,
                                   id=f'{assignment_id}-{name}-{i}')


def test_reference_solution_gets_full_marks(assignment_id):
    """Does our own master notebook score every point?"""
    nb = submission(assignment_id, release=False)
    results = grade.grade_notebook(nb, assignment_id)
    assert results, 'no graded functions found'
    for name, result in results.items():
        assert result.score == result.max_score, result.report()
        assert result.total >= 4, f'{name}: too few hidden checks'


def test_released_stub_scores_zero_and_says_not_implemented(assignment_id):
    """Does every stub score 0 with a "not implemented" message?"""
    results = grade.grade_notebook(submission(assignment_id), assignment_id)
    for name, result in results.items():
        assert result.score == 0, result.report()
        assert 'not implemented' in result.report(), result.report()


def test_every_edit_mutant_still_applies_to_the_master(assignment_id):
    """Does every edit still find its text in the master's solution?"""
    assert grade.reference(assignment_id).broken_mutants == []


def test_every_graded_function_has_three_or_more_mutants(assignment_id):
    ref = grade.reference(assignment_id)
    catalogue = curriculum.get(assignment_id).mutants.mutants.by_name
    for name in ref.order:
        assert len(catalogue.get(name, [])) >= 3, name
        assert any(m.public for m in catalogue[name]), \
            f'{name}: mark the most common mutant public=True'


@pytest.mark.parametrize('assignment_id, mutant', list(_mutants()))
def test_mutant_loses_points_with_a_named_cause(assignment_id, mutant):
    """Does a realistic bug lose points, with a message saying why?"""
    ref = grade.reference(assignment_id)
    result = _grade_one(assignment_id, mutant.name, ref.mutant_source(mutant))
    report = result.report()
    assert result.score < result.max_score, report
    assert result.messages, report
    crashed = any('raised' in m or 'could not run' in m
                  for m in result.messages)
    explained = all(' — ' in m for m in result.messages)
    assert crashed or explained or mutant.cause in report, \
        f'expected the likely cause {mutant.cause!r} in:\n{report}'


@pytest.mark.parametrize('assignment_id, mutant',
                         [p for p in _mutants() if p.values[1].public])
def test_public_check_catches_the_most_common_bug(assignment_id, mutant):
    """Does the notebook's one-line public check fail on this bug?"""
    module = importlib.import_module(
        f'shared_utils.checks.{curriculum.get(assignment_id).module}')
    ref = grade.reference(assignment_id)
    buggy = ref._compile(mutant)
    with pytest.raises(CheckFailed):
        getattr(module, mutant.name)(buggy)


def test_public_checks_pass_on_the_reference(assignment_id):
    module = importlib.import_module(
        f'shared_utils.checks.{curriculum.get(assignment_id).module}')
    ref = grade.reference(assignment_id)
    for name in ref.order:
        getattr(module, name)(ref.ns[name])


@pytest.mark.parametrize('assignment_id, variant', list(_equivalents()))
def test_equivalent_solution_gets_full_marks(assignment_id, variant):
    """Does a correct solution written differently score every point?"""
    result = _grade_one(assignment_id, variant.name, variant.source)
    assert result.score == result.max_score, \
        f'{variant.cause}:\n{result.report()}'
