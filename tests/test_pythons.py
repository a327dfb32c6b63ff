"""Python 3.11, 3.12 and 3.13 all work: for each one found on this machine
(on PATH or under ~/.pyenv/versions), `make install` builds a fresh venv
from the one lock, that venv holds exactly the locked set, and a slice of
the suite passes in it: build a course and grade a numpy notebook with plain
nbgrader commands, grade a numpy and a TensorFlow notebook, run a notebook
top to bottom.

The Python this session runs on is skipped (the rest of the suite tests
it); a version that is not installed is skipped with a message saying so.
About 70 s a version (install 45-70 s from PyPI, slice 20 s).
"""
import glob
import os
import re
import shutil
import subprocess
import sys

import pytest

from autograder import curriculum

REPO = curriculum.REPO
VERSIONS = ['3.11', '3.12', '3.13']
SLICE = [
    # build-course, then nbgrader generate_assignment, autograde (numpy
    # notebook C1_W2A1) and export with our config
    'tests/test_cli.py::test_plain_nbgrader_commands_grade_with_our_config',
    'tests/autograder/test_grading.py::'
    'test_reference_solution_gets_full_marks[C1_W2A1]',
    # the TensorFlow notebook
    'tests/autograder/test_grading.py::'
    'test_reference_solution_gets_full_marks[C2_W3A1]',
    'tests/course1/test_notebooks.py::'
    'test_notebook_runs_top_to_bottom_with_clean_public_checks[C1_W2A1]',
]


def find_python(version):
    """A working python<version>: on PATH, else a pyenv build."""
    root = os.environ.get('PYENV_ROOT') or os.path.expanduser('~/.pyenv')
    candidates = [shutil.which(f'python{version}')] + sorted(
        glob.glob(os.path.join(root, 'versions', f'{version}.*', 'bin',
                               f'python{version}')), reverse=True)
    for path in filter(None, candidates):
        done = subprocess.run(
            [path, '-c', 'import sys; print("%d.%d" % sys.version_info[:2])'],
            capture_output=True, text=True)
        if done.returncode == 0 and done.stdout.strip() == version:
            return path
    return None


def _name(line):
    return re.sub(r'[-_.]+', '-', line.split('==')[0]).lower()


def locked():
    with open(os.path.join(REPO, 'requirements.lock')) as handle:
        return {_name(line): line.split('==')[1].strip() for line in handle
                if '==' in line and not line.startswith('#')}


def test_the_lock_is_installed_in_this_session():
    """The main venv (the Python of this session) has every pin."""
    from importlib.metadata import PackageNotFoundError, version
    wrong = {}
    for name, pinned in locked().items():
        try:
            have = version(name)
        except PackageNotFoundError:
            have = None
        if have != pinned:
            wrong[name] = (pinned, have)
    assert not wrong, f'not as locked (pinned, installed): {wrong}'


@pytest.mark.slow
@pytest.mark.pythons
@pytest.mark.parametrize('version', VERSIONS)
def test_install_and_a_slice_of_the_suite(version, tmp_path):
    if '%d.%d' % sys.version_info[:2] == version:
        pytest.skip(f'Python {version} runs this session: the rest of the '
                    'suite tests it')
    python = find_python(version)
    if python is None:
        pytest.skip(f'Python {version} is not installed here (not on PATH, '
                    f'not in ~/.pyenv/versions): install it (e.g. pyenv '
                    f'install {version}) to test the set-up on it')
    venv = tmp_path / f'venv{version}'
    env = {k: v for k, v in os.environ.items()
           if k not in ('MAKEFLAGS', 'MAKELEVEL', 'MFLAGS', 'PYTHON',
                        'VIRTUAL_ENV', 'PYTEST_XDIST_WORKER',
                        'PYTEST_CURRENT_TEST')}
    try:
        done = subprocess.run(
            ['make', '--no-print-directory', 'install', f'VENV={venv}',
             f'PYTHON={python}'], cwd=REPO, env=env, capture_output=True,
            text=True, timeout=900)
        out = done.stdout + done.stderr
        assert done.returncode == 0, out
        # one line per step, nothing else: no pip or setuptools warnings
        lines = out.strip().splitlines()
        assert lines[0].startswith(f'Python {version}.'), out
        assert [line[:5] for line in lines[1:4]] == ['[1/3]', '[2/3]',
                                                     '[3/3]'], out
        assert lines[4].startswith('Installed in '), out
        assert len(lines) == 5, out

        freeze = subprocess.run(
            [str(venv / 'bin' / 'python'), '-m', 'pip', 'freeze', '--all',
             '--exclude-editable'], capture_output=True, text=True,
            check=True).stdout
        have = {_name(line): line.split('==')[1].strip()
                for line in freeze.splitlines() if '==' in line}
        have.pop('pip', None)
        have.pop('dls-curriculum', None)             # this project
        assert have == locked(), (
            f'Python {version} does not install exactly the lock: '
            f'{set(have.items()) ^ set(locked().items())}')

        env.update(PYTHONPATH=REPO, OPENBLAS_NUM_THREADS='1',
                   OMP_NUM_THREADS='1', TF_CPP_MIN_LOG_LEVEL='2',
                   MPLBACKEND='Agg')
        done = subprocess.run(
            [str(venv / 'bin' / 'python'), '-m', 'pytest', '-q',
             '-p', 'no:cacheprovider', *SLICE], cwd=REPO, env=env,
            capture_output=True, text=True, timeout=600)
        out = done.stdout + done.stderr
        assert done.returncode == 0, out
        assert f'{len(SLICE)} passed' in out, out
    finally:
        shutil.rmtree(venv, ignore_errors=True)      # 2.4 GB each
