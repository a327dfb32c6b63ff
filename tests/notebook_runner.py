"""Run master notebooks in tests: `execute`, `last_json`, `stderr_lines`."""
import json
import os
import re
import time

import nbformat
from nbclient import NotebookClient

from autograder import curriculum


def execute(assignment_id, extra=None, env=None):
    """Run a master notebook (plus `extra` code) and return it executed."""
    path = curriculum.get(assignment_id).master
    nb = nbformat.read(path, as_version=4)
    if extra:
        nb.cells.append(nbformat.v4.new_code_cell(extra))
    saved = dict(os.environ)
    # the kernel draws inline, as in JupyterLab (make exports Agg for the
    # test processes, which would leave the notebook without its plots)
    os.environ.pop('MPLBACKEND', None)
    os.environ.update(env or {})
    try:
        start = time.monotonic()
        NotebookClient(nb, timeout=600, kernel_name='python3', resources={
            'metadata': {'path': os.path.dirname(path)}}).execute()
        nb.metadata['seconds'] = time.monotonic() - start
    finally:
        os.environ.clear()
        os.environ.update(saved)
    return nb


def stderr_lines(nb):
    """(cell index, line) of every stderr line of a code cell, less the
    start-up notices TensorFlow prints whatever it is told
    (autograder.course.IGNORE)."""
    from autograder.course import IGNORE
    return [(i, line) for i, c in enumerate(nb.cells)
            if c.cell_type == 'code' for o in c.get('outputs', [])
            if o.output_type == 'stream' and o.name == 'stderr'
            for line in o.text.splitlines()
            if line.strip() and not re.search(IGNORE, line)]


def grade_cells(nb):
    """The autograder test cells of an executed notebook."""
    for cell in nb.cells:
        if cell.get('metadata', {}).get('nbgrader', {}).get('grade'):
            yield cell


def last_json(nb):
    text = ''.join(o.get('text', '') for o in nb.cells[-1].outputs)
    return json.loads(text.strip().splitlines()[-1])


def assert_public_checks_pass(nb):
    """Every test cell printed the green line, and nothing on stderr."""
    for cell in grade_cells(nb):
        streams = [o for o in cell.outputs if o.output_type == 'stream']
        assert all(o.name == 'stdout' for o in streams), cell.source
        assert 'all public checks passed' in ''.join(
            o.text for o in streams), cell.source


def assert_optional_exercises_ungraded(assignment_id, graded, optional):
    """`graded` score 10 points each, in order; each `optional` function is
    an exercise (a solution region) with no grading marker and no test
    cell of its own."""
    from autograder import grade, notebook
    from helpers import master
    ref = grade.reference(assignment_id)
    assert ref.order == graded
    assert all(ref.points[name] == 10 for name in graded)
    path = master(assignment_id)
    cells = notebook.graded_cells(path)
    for name in optional:
        assert name in cells and 'BEGIN SOLUTION' in cells[name][0], name
        assert not notebook.MARKER.search(cells[name][0]), name
        assert notebook.cell_by_id(path, f'test_{name}') is None
