"""Hostile submissions through the real nbgrader loop, with the sandbox's
second layer alone (``DLS_ISOLATION=off``): the audit hook, the sandbox
child's fresh process per function and its checked replies, and the
grader's own checks.

Each case of ``hostile/cases.py`` with ``layer='hook'`` (and the learners
that attack collect, ``layer='collect'``) is one learner of one course
(C1_W2A2 and C2_W3A1), between honest learners graded before and after.
Required of each: a clear message, no undeserved points, every other
learner graded in full, nothing outside the child's temp folder
created or changed (course, exchange, gradebook, repository, site-packages,
``/tmp``, ``/dev/shm``, the grader's home), no process left, no packet out.
The attacks that only the operating system can stop, and the learners that
would stop the loop for everybody, are in ``test_hostile_isolation.py``.
"""
import pytest

from hostile import cases, kit

pytestmark = [pytest.mark.slow]
CASES = cases.layer('hook', 'collect')


@pytest.fixture(scope='module')
def outcome():
    result = kit.run('hook', CASES, isolation='off')
    print(f'\nhostile suite (hook layer): {len(CASES)} hostile learners, '
          f'{result.seconds:.0f} s')
    yield result
    kit.clean(result)


def test_the_grader_survives_and_grades_everyone(outcome):
    outcome.alive()
    graded = {(s, a) for s, a, ok in outcome.result['graded'] if ok}
    for student in kit.FIRST + kit.LAST:
        for a in (kit.A1, kit.A2):
            assert (student, a) in graded, outcome.problems(student, a)


def test_honest_learners_keep_their_scores(outcome):
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


def test_course_exchange_and_gradebook_are_intact(outcome):
    outcome.alive()
    assert kit.course_failures(outcome) == []


def test_no_hidden_check_text_reaches_a_learner(outcome):
    outcome.alive()
    assert kit.leaks(outcome) == []


def test_every_family_is_covered():
    families = {c.family for c in cases.CASES}
    assert families >= {
        'outside the rules', 'reading hidden', 'one sandbox helps the next',
        'writing', 'stopping the grader', 'at collect',
        'lying or huge results', 'exhaustion', 'notebook tampering',
        'planted files', 'malformed notebooks'}
    assert len(cases.CASES) >= 30
