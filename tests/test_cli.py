"""The command line: self-grading, and the instructor's plain nbgrader
commands on a course directory we build."""
import csv
import shutil
import subprocess
import sys

import nbformat
import pytest

from autograder import curriculum, loop
from helpers import submission

pytestmark = [pytest.mark.slow]
A = 'C1_W2A1'


def _run(args, cwd=curriculum.REPO):
    done = subprocess.run(args, cwd=cwd, capture_output=True, text=True,
                          timeout=600)
    return done.returncode, done.stdout + done.stderr


def test_selfgrade_prints_a_table_with_causes(tmp_path):
    path = tmp_path / 'mine.ipynb'
    sources = loop.perfect('C1_W2A2')
    sources['propagate'] = curriculum.get('C1_W2A2').mutants.mutants \
        .by_name['propagate'][0].source
    nbformat.write(submission('C1_W2A2', sources), str(path))
    code, out = _run([sys.executable, '-m', 'autograder', 'selfgrade',
                      str(path), '--assignment', 'C1_W2A2'])
    assert code == 0, out
    assert '✓ sigmoid' in out and '~ propagate' in out
    assert 'did you forget to divide by m' in out


def test_selfgrade_explains_a_broken_file(tmp_path):
    path = tmp_path / 'Python_Basics_with_Numpy.ipynb'
    path.write_text('{"cells": [')
    code, out = _run([sys.executable, '-m', 'autograder', 'selfgrade',
                      str(path)])
    assert code == 2
    assert 'not valid notebook JSON' in out


def test_plain_nbgrader_commands_grade_with_our_config(tmp_path):
    root = tmp_path / 'course'
    code, out = _run([sys.executable, '-m', 'autograder', 'build-course',
                      '--dir', str(root), '--assignment', A])
    assert code == 0, out
    nbgrader = [sys.executable, '-m', 'nbgrader']
    code, out = _run(nbgrader + ['generate_assignment', A], cwd=root)
    assert code == 0, out
    notebook = curriculum.get(A).notebook
    mine = root / 'submitted' / 'ada' / A
    mine.mkdir(parents=True)
    shutil.copy(root / 'release' / A / notebook, mine / notebook)
    loop.fill(str(mine / notebook), loop.perfect(A))
    code, out = _run(nbgrader + ['autograde', A], cwd=root)
    assert code == 0, out
    code, out = _run(nbgrader + ['export'], cwd=root)
    assert code == 0, out
    with open(root / 'grades.csv') as handle:
        row = next(csv.DictReader(handle))
    assert row['student_id'] == 'ada'
    assert float(row['score']) == float(row['max_score']) == 80.0
