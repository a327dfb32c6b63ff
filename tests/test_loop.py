"""The nbgrader loop end to end, in one process, with three learners: and
nothing hidden in any file a learner gets."""
import glob
import json
import os
import re

import pytest

from autograder import curriculum, loop, scores

pytestmark = [pytest.mark.slow]
HIDDEN = os.path.join(curriculum.REPO, 'autograder')


@pytest.fixture(scope='module')
def demo(tmp_path_factory):
    work = str(tmp_path_factory.mktemp('demo'))
    summary = loop.run(work, log=lambda *a: None)
    rows = scores.collect(summary['root'], summary['problems'])
    return summary, rows


def _total(rows, student, assignment):
    mine = [r for r in rows if r['student'] == student
            and r['assignment'] == assignment]
    return sum(r['score'] or 0 for r in mine), sum(r['max_score'] for r in mine)


def test_every_submission_is_graded(demo):
    summary, _rows = demo
    assert summary['graded'] and all(summary['graded'].values())
    assert not summary['problems']


@pytest.mark.parametrize('assignment', sorted(curriculum.ASSIGNMENTS))
def test_perfect_blank_and_buggy_learners_score_as_expected(demo, assignment):
    _summary, rows = demo
    got, top = _total(rows, 'ada', assignment)
    assert got == top > 0
    assert _total(rows, 'ben', assignment)[0] == 0
    assert 0 < _total(rows, 'cam', assignment)[0] < top


def test_blank_learner_reads_not_implemented(demo):
    _summary, rows = demo
    for row in rows:
        if row['student'] == 'ben':
            assert 'not implemented' in row['feedback'], row


def test_buggy_learner_reads_the_likely_cause(demo):
    _summary, rows = demo
    lost = [r for r in rows if r['student'] == 'cam'
            and r['score'] < r['max_score']]
    assert lost
    for row in lost:
        assert 'likely cause' in row['feedback'] or ' — ' in row['feedback']


def test_feedback_is_released_and_fetched_by_each_learner(demo):
    summary, _rows = demo
    for student, home in summary['learners'].items():
        for assignment in summary['assignments']:
            html = glob.glob(os.path.join(home, assignment, 'feedback', '*',
                                          '*.html'))
            assert html, f'{student} has no feedback for {assignment}'
            text = open(html[0]).read()
            assert 'hidden checks passed' in text


def test_score_export_has_one_row_per_learner_and_function(demo, tmp_path):
    _summary, rows = demo
    csv_path, json_path = scores.export(rows, str(tmp_path))
    data = json.load(open(json_path))
    functions = sum(len(curriculum.get(a).mutants.mutants.by_name)
                    for a in curriculum.ASSIGNMENTS)
    assert len(data) == 3 * functions
    assert open(csv_path).readline().strip() == \
        'student,assignment,function,score,max_score'


def _hidden_lines():
    """Distinctive source lines of the hidden checks, minus lines that
    learner-facing material (masters, shared_utils) holds anyway, such as
    unpacking a provided cache."""
    lines = set()
    for path in glob.glob(os.path.join(HIDDEN, 'hidden', 'c*.py')):
        for line in open(path):
            line = line.strip()
            if len(line) > 30 and not line.startswith(('#', '"""', "'")):
                lines.add(line)
    public = ''.join(open(p).read() for p in glob.glob(
        os.path.join(curriculum.REPO, 'course*', '*', '*.ipynb')) + glob.glob(
        os.path.join(curriculum.REPO, 'shared_utils', '**', '*.py'),
        recursive=True))
    return {line for line in lines if line not in public}


def _learner_files(summary):
    root = summary['root']
    yield from glob.glob(os.path.join(root, 'release', '**', '*'),
                         recursive=True)
    yield from glob.glob(os.path.join(root, 'feedback', '**', '*.html'),
                         recursive=True)
    for home in summary['learners'].values():
        yield from glob.glob(os.path.join(home, '**', '*'), recursive=True)


def test_no_hidden_check_text_in_any_learner_facing_file(demo):
    summary, _rows = demo
    hidden = _hidden_lines()
    assert len(hidden) > 50
    checked = 0
    for path in _learner_files(summary):
        if not os.path.isfile(path):
            continue
        text = open(path, errors='replace').read()
        checked += 1
        leaks = [line for line in hidden if line in text]
        assert not leaks, f'{path} shows hidden check source: {leaks[:3]}'
        assert 'autograder/hidden' not in text
        assert 'BEGIN HIDDEN TESTS' not in text
        assert not re.search(r'File ".*autograder', text), path
    assert checked >= 12


def test_release_holds_stubs_not_solutions(demo):
    summary, _rows = demo
    for path in glob.glob(os.path.join(summary['root'], 'release', '*',
                                       '*.ipynb')):
        text = open(path).read()
        assert 'BEGIN SOLUTION' not in text
        assert 'NotImplementedError' in text
