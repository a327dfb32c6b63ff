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

from . import curriculum, grade


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
        try:
            results = grade.grade_notebook(nb, assignment_id, protect=protect)
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
