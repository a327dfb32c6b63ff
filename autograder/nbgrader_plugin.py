"""nbgrader preprocessor that replaces kernel execution during autograde.

``GradeFunctions`` takes the place of ``Execute`` in
``Autograde.autograde_preprocessors``. It grades every graded function with
:func:`autograder.grade.grade_notebook` and writes each verdict into its
test cell as nbgrader expects: a stdout stream with the messages and an
``execute_result`` holding the points earned (nbgrader's partial credit).
No learner code runs in nbgrader's process or in a kernel, so no training
cell runs and no TensorFlow warning can reach a test cell's stderr.
"""
import os
import traceback

from nbformat.v4 import new_output
from nbgrader.preprocessors import NbGraderPreprocessor
from traitlets.log import get_logger

from . import curriculum, grade, notebook


def _is_test_cell(cell):
    meta = cell.metadata.get('nbgrader', {})
    return (cell.cell_type == 'code' and meta.get('grade')
            and not meta.get('solution'))


def write_verdicts(nb, results):
    """Put each result into its test cell; unknown test cells score 0."""
    for cell in nb.cells:
        if not _is_test_cell(cell):
            continue
        meta = cell.metadata['nbgrader']
        points = float(meta.get('points', 0))
        grade_id = meta.get('grade_id', '')
        name = grade_id[len('test_'):] if grade_id.startswith('test_') else ''
        result = results.get(name)
        cell.execution_count = None
        if result is None:
            cell.outputs = [new_output(
                'error', ename='NoHiddenChecks',
                evalue=f'no hidden checks belong to cell {grade_id!r}',
                traceback=[f'no hidden checks belong to cell {grade_id!r}'])]
            continue
        earned = round(points * result.passed / result.total, 2) \
            if result.total else 0.0
        result.score, result.max_score = earned, points
        cell.outputs = [
            new_output('stream', name='stdout', text=result.report() + '\n'),
            new_output('execute_result', execution_count=None,
                       data={'text/plain': f'{earned:g}'}),
        ]
    return nb


def problems(notebooks):
    """Clear messages for submitted notebooks that cannot be read."""
    found = []
    for path in notebooks:
        try:
            notebook.read(path)
        except notebook.SubmissionError as err:
            found.append(str(err))
    return found


def check_submission(assignment, student, notebooks):
    """nbgrader ``Autograde.pre_convert_hook``: name unreadable notebooks.

    nbgrader then fails that one submission (0 points) and goes on with the
    others; this line tells the instructor why, before its traceback.
    """
    for problem in problems(notebooks):
        get_logger().error('[%s/%s] cannot be graded: %s', student,
                           assignment, problem)


class DropEmptyMetadata(NbGraderPreprocessor):
    """Remove the empty ``nbgrader`` metadata DeduplicateIds leaves behind.

    nbgrader 0.9.6's ``OverwriteCells.add_missing_task_cells`` reads
    ``grade_id`` from every cell that has an ``nbgrader`` key, so one
    duplicated grade cell would otherwise fail the whole submission.
    """

    def preprocess(self, nb, resources):
        for cell in nb.cells:
            if cell.get('metadata', {}).get('nbgrader', None) == {}:
                del cell.metadata['nbgrader']
        return nb, resources


class GradeFunctions(NbGraderPreprocessor):
    """Grade graded functions in sandboxes and record verdicts."""

    def preprocess(self, nb, resources):
        info = resources.get('nbgrader', {})
        assignment_id = info.get('assignment')
        try:
            curriculum.get(assignment_id)
        except KeyError as err:
            self.log.error('%s', err)
            raise
        protect = [os.path.abspath(self.coursedir_root(resources))]
        exchange = self.config.get('Exchange', {}).get('root')
        if isinstance(exchange, str) and exchange:
            protect.append(os.path.abspath(exchange))   # others' work
        try:
            results = grade.grade_notebook(nb, assignment_id, protect=protect,
                                           spare=True)
        except Exception:
            self.log.error('grading failed:\n%s', traceback.format_exc())
            raise
        write_verdicts(nb, results)
        for name, result in results.items():
            self.log.info('%s: %s/%s', name, result.passed, result.total)
        return nb, resources

    @staticmethod
    def coursedir_root(resources):
        path = resources.get('metadata', {}).get('path') or '.'
        # <root>/autograded/<student>/<assignment>/ -> <root>
        return os.path.dirname(os.path.dirname(os.path.dirname(
            os.path.abspath(path))))
