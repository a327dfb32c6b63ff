"""Hostile submissions that need more than the sandbox's second layer.

1. Attacks that only the operating system stops (``layer='isolation'`` in
   ``hostile/cases.py``): TensorFlow's own C++ file IO, ctypes calls through
   function pointers (Python 3.11 audits neither), another learner's files
   that are no grader file. They run in one course with honest learners
   before and after, with grading isolation as configured
   (``autograder/isolation.py``); skipped where the machine cannot isolate,
   unless ``DLS_ISOLATION=required`` (CI), where they fail.
2. Learners that would stop the loop for everybody (``alone=True``), each
   in a course of its own, in any isolation mode.

Required of each, as in ``test_hostile.py``: a clear message, no undeserved
points, every other learner graded in full, nothing outside the sandbox
created or changed, no process left, no packet out.
"""
import pytest

from autograder import isolation
from hostile import cases, kit
from isolation_helpers import isolated  # noqa: F401  (a fixture)

pytestmark = [pytest.mark.slow]
CASES = cases.layer('isolation')
ALONE = [c for c in cases.CASES if c.alone]


@pytest.fixture(scope='module')
def outcome(isolated):
    result = kit.run('isolation', CASES, isolation=isolated.setting)
    print(f'\nhostile suite (isolation): {len(CASES)} hostile learners, '
          f'{result.seconds:.0f} s')
    yield result
    kit.clean(result)


def test_the_grader_survives_and_grades_everyone(outcome):
    outcome.alive()
    assert kit.honest_failures(outcome) == []


@pytest.mark.parametrize('case', CASES, ids=[c.name for c in CASES])
def test_hostile_learner_gets_a_message_and_no_undeserved_points(outcome,
                                                                  case):
    outcome.alive()
    assert kit.case_failures(outcome, case) == [], case.what


def test_nothing_outside_the_sandboxes_changed(outcome):
    outcome.alive()
    assert kit.outside_failures(outcome) == []
    assert kit.course_failures(outcome) == []
    assert kit.leaks(outcome) == []


@pytest.mark.parametrize('case', ALONE, ids=[c.name for c in ALONE])
def test_one_learner_never_stops_the_loop_for_the_others(case):
    result = kit.run(f'alone-{case.name}', [case], assignments=(kit.A1,),
                     isolation=isolation.setting())
    try:
        result.alive()
        assert kit.honest_failures(result) == []
        assert kit.case_failures(result, case) == [], case.what
        assert kit.outside_failures(result) == []
        assert kit.course_failures(result) == []
    finally:
        kit.clean(result)
