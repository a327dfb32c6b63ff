"""`make test` runs the suite on two workers, one file in one process
(tests/conftest.py: group_of and the scheduler)."""
import re
import subprocess
import sys

from conftest import REPO_ROOT, group_of


def test_a_file_is_one_group_and_test_grading_one_per_assignment():
    assert group_of('tests/test_loop.py::test_x[C1_W2A1]') == \
        'tests/test_loop.py'
    grading = 'tests/autograder/test_grading.py'
    assert group_of(f'{grading}::test_stub_scores_zero[C4_W2A2]') == \
        f'{grading}::C4_W2A2'
    assert group_of(f'{grading}::test_mutant[C5_W1A3-swap]') == \
        f'{grading}::C5_W1A3'
    assert group_of(f'{grading}::test_registry') == grading


def test_two_workers_run_each_file_in_one_process():
    """pytest-xdist's own loadgroup deals one file's tests to both workers
    under pytest 9.2 (module fixtures made twice): ours must not."""
    files = ['tests/shared_utils/test_moons.py',
             'tests/shared_utils/test_toy2d.py']
    done = subprocess.run(
        [sys.executable, '-m', 'pytest', '-n', '2', '--dist', 'loadgroup',
         '-v', '-p', 'no:cacheprovider', *files], cwd=REPO_ROOT,
        capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    workers = {}
    for worker, path in re.findall(r'\[(gw\d)\] \[ *\d+%\] PASSED '
                                   r'([^:\s]+)::', done.stdout):
        workers.setdefault(path, set()).add(worker)
    assert sorted(workers) == files, done.stdout
    assert all(len(w) == 1 for w in workers.values()), workers
