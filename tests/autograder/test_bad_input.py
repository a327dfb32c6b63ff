"""Broken submissions get a clear message, gain nothing, stop nobody else,
and no submitted file is changed: one nbgrader loop with many learners."""
import json
import os

import nbformat
import pytest

from autograder import curriculum, loop, scores

pytestmark = [pytest.mark.slow]
A = 'C1_W2A1'
HIDDEN = os.path.join(curriculum.REPO, 'autograder', 'hidden', 'c1_w2a1.py')


def _edit(change):
    """A learner who starts from our solution, then `change`s the file."""
    def make(assignment_id):
        def edit(path):
            loop.fill(path, loop.perfect(assignment_id))
            nb = nbformat.read(path, as_version=4)
            change(nb)
            nbformat.write(nb, path)
        return edit
    return make


def _cell(nb, marker):
    return next(c for c in nb.cells if marker in c.source)


def _graded(nb, name):
    return _cell(nb, f'GRADED FUNCTION: {name}')


def _replace(name, body):
    def change(nb):
        _graded(nb, name).source = f'# GRADED FUNCTION: {name}\n' + body
    return _edit(change)


def _broken_json(assignment_id):
    def edit(path):
        with open(path, 'w') as handle:
            handle.write('{"cells": [ {"cell_type": "code", oops')
    return edit


def _delete(grade_id):
    def change(nb):
        nb.cells = [c for c in nb.cells if c.metadata.get(
            'nbgrader', {}).get('grade_id') != grade_id]
    return _edit(change)


def _duplicate_with_bug(nb):
    cell = _graded(nb, 'L1')
    copy = nbformat.from_dict(json.loads(json.dumps(cell)))
    copy.source = ('# GRADED FUNCTION: L1\n'
                   'def L1(yhat, y):\n    return np.sum(y - yhat)\n')
    copy.metadata = {}
    nb.cells.insert(nb.cells.index(cell) + 1, copy)
    test = next(c for c in nb.cells
                if c.metadata.get('nbgrader', {}).get('grade_id') == 'test_L2')
    nb.cells.append(nbformat.from_dict(json.loads(json.dumps(test))))


def _saved_output(megabytes):
    def change(nb):
        cell = next(c for c in nb.cells if c.cell_type == 'code'
                    and 'nbgrader' not in c.metadata)
        cell.outputs = [nbformat.v4.new_output(
            'stream', name='stdout', text='spam ' * (megabytes * 200_000))]
    return _edit(change)


LEARNERS = {
    'ada': ('perfect', loop.perfect),
    'json': ('broken JSON', _broken_json),
    'deltest': ('deleted test cell', _delete('test_sigmoid')),
    'delgraded': ('deleted graded cell', _delete('softmax')),
    'dup': ('duplicated cells', _edit(_duplicate_with_bug)),
    'renamed': ('renamed function', _replace(
        'sigmoid', 'def sigmoid2(x):\n    return 1 / (1 + np.exp(-x))\n')),
    'syntax': ('syntax error', _replace(
        'L2', 'def L2(yhat, y)\n    return np.sum((y - yhat) ** 2)\n')),
    'loop': ('infinite loop', _replace(
        'normalize_rows', 'def normalize_rows(x):\n    while True:\n'
        '        pass\n')),
    'bigout': ('100 MB printed', _replace(
        'basic_sigmoid', 'def basic_sigmoid(x):\n'
        '    print("x" * 100_000_000)\n'
        '    return 1 / (1 + math.exp(-x))\n')),
    'bigsaved': ('60 MB saved output', _saved_output(60)),
    'toobig': ('110 MB saved output', _saved_output(110)),
    'osexit': ('os._exit', _replace(
        'image2vector', 'import os\ndef image2vector(image):\n'
        '    os._exit(0)\n')),
    'sysexit': ('SystemExit', _replace(
        'sigmoid_derivative', 'raise SystemExit("bye")\n')),
    'monkey': ('monkeypatched numpy', _replace(
        'softmax', 'np.allclose = lambda *a, **k: True\n'
        'np.testing.assert_allclose = lambda *a, **k: None\n'
        'def softmax(x):\n    return x\n')),
    'fake': ('fake grader module', _replace(
        'L2', 'import sys, types\n'
        'fake = types.ModuleType("autograder")\n'
        'fake.grade = lambda *a, **k: 10\n'
        'sys.modules["autograder"] = sys.modules["nbgrader"] = fake\n'
        'def L2(yhat, y):\n'
        f'    return open({HIDDEN!r}).read()\n')),
}


@pytest.fixture(scope='module')
def outcome(tmp_path_factory):
    work = str(tmp_path_factory.mktemp('bad'))
    summary = loop.run(work, [A], learners=LEARNERS, log=lambda *a: None)
    rows = scores.collect(summary['root'], summary['problems'])
    table = {(r['student'], r['function']): r for r in rows}
    return summary, table


def _score(table, student, function):
    return table[(student, function)]['score']


def _feedback(table, student, function):
    return table[(student, function)]['feedback']


def test_every_learner_is_processed_and_the_perfect_one_gets_full_marks(
        outcome):
    summary, table = outcome
    assert set(s for s, _ in summary['graded']) == set(LEARNERS)
    assert sum(r['score'] for (s, _), r in table.items() if s == 'ada') == 80


def test_broken_json_gets_zero_and_a_clear_message(outcome):
    summary, table = outcome
    problem = ' '.join(summary['problems'][('json', A)])
    assert 'not valid notebook JSON' in problem and 'line 1' in problem
    assert all(r['score'] in (0, None) for (s, _), r in table.items()
               if s == 'json')


def test_deleted_test_cell_is_restored_and_graded(outcome):
    _summary, table = outcome
    assert _score(table, 'deltest', 'sigmoid') == 10


def test_deleted_graded_cell_scores_zero_with_a_message(outcome):
    _summary, table = outcome
    assert _score(table, 'delgraded', 'softmax') == 0
    assert 'was it deleted' in _feedback(table, 'delgraded', 'softmax')
    assert _score(table, 'delgraded', 'L1') == 10


def test_duplicated_graded_cell_grades_the_last_copy(outcome):
    _summary, table = outcome
    assert _score(table, 'dup', 'L1') < 10
    assert 'the last one was graded' in _feedback(table, 'dup', 'L1')
    assert _score(table, 'dup', 'L2') == 10


@pytest.mark.parametrize('student, function, words', [
    ('renamed', 'sigmoid', 'does not define a function called `sigmoid`'),
    ('syntax', 'L2', 'SyntaxError'),
    ('loop', 'normalize_rows', 'infinite loop'),
    ('osexit', 'image2vector', 'os._exit'),
    ('sysexit', 'sigmoid_derivative', 'SystemExit'),
    ('fake', 'L2', 'reading grader files is not allowed'),
])
def test_broken_function_scores_zero_and_says_why(outcome, student, function,
                                                  words):
    _summary, table = outcome
    assert _score(table, student, function) == 0
    assert words in _feedback(table, student, function)
    others = [r['score'] for (s, f), r in table.items()
              if s == student and f != function]
    assert others and all(score == 10 for score in others)


def test_huge_printed_output_costs_nothing_and_is_noted(outcome):
    _summary, table = outcome
    assert _score(table, 'bigout', 'basic_sigmoid') == 10
    assert 'remove debug prints' in _feedback(table, 'bigout',
                                              'basic_sigmoid')


def test_huge_saved_output_does_not_stop_grading(outcome):
    _summary, table = outcome
    assert sum(r['score'] for (s, _), r in table.items()
               if s == 'bigsaved') == 80


def test_submission_over_nbgraders_size_limit_is_refused_clearly(outcome):
    summary, _table = outcome
    assert 'Directory size is too big' in ' '.join(
        summary['problems'][('toobig', A)])
    assert not summary['graded'][('toobig', A)]


def test_monkeypatching_numpy_gains_nothing_and_is_named(outcome):
    _summary, table = outcome
    assert _score(table, 'monkey', 'softmax') < 5
    assert 'monkeypatching' in _feedback(table, 'monkey', 'softmax')


def test_fake_grader_module_gains_nothing_and_is_named(outcome):
    _summary, table = outcome
    assert 'imports a grader module' not in _feedback(table, 'fake', 'L2')
    assert 'edits sys.modules' in _feedback(table, 'fake', 'L2')


def test_no_submitted_file_is_changed(outcome):
    summary, _table = outcome
    for student, home in summary['learners'].items():
        mine = os.path.join(home, A)
        submitted = os.path.join(summary['root'], 'submitted', student, A)
        if not summary['graded'][(student, A)] and student == 'toobig':
            continue   # nbgrader refused it at submit: nothing was collected
        for name in os.listdir(mine):
            if name.endswith('.ipynb'):
                with open(os.path.join(mine, name), 'rb') as a, \
                        open(os.path.join(submitted, name), 'rb') as b:
                    assert a.read() == b.read(), f'{student}/{name} changed'
