"""Put the repository and tests/ on sys.path; shared fixtures."""
import os
import re
import sys

import pytest

TESTS = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.dirname(TESTS)
for path in (REPO_ROOT, TESTS):
    if path not in sys.path:
        sys.path.insert(0, path)

from helpers import ASSIGNMENTS  # noqa: E402


@pytest.fixture(params=ASSIGNMENTS)
def assignment_id(request):
    return request.param


# The longest groups (minutes each, measured with --durations) start first,
# so neither worker is left with one of them at the end.
LONG_FIRST = ('tests/autograder/test_mutation.py', 'tests/test_loop.py',
              'tests/autograder/test_hostile.py', 'tests/test_pythons.py',
              'tests/course4/test_c4_w1a2.py',
              'tests/autograder/test_grading.py::C4_W2A2',
              'tests/course4/test_c4_w2a1.py',
              'tests/shared_utils/test_assets.py',
              'tests/autograder/test_hostile_isolation.py',
              'tests/browser/test_course_in_browser.py',  # before latency
              'tests/course4/test_c4_w2a2.py',
              'tests/course4/test_c4_w4a1.py')
ASSIGNMENT = re.compile(r'C\d_W\dA\d')


def group_of(nodeid):
    """The group a test runs in (one worker, one process): its file, so its
    module fixtures (a notebook run, a sandbox, a browser story) are made
    once; test_grading.py, the longest file, is one group per assignment
    so both workers share it."""
    path, _, rest = nodeid.partition('::')
    found = ASSIGNMENT.search(rest)
    if path.endswith('autograder/test_grading.py') and found:
        return f'{path}::{found.group()}'
    return path


def _rank(group):
    return next((i for i, g in enumerate(LONG_FIRST)
                 if group.startswith(g)), len(LONG_FIRST))


def pytest_collection_modifyitems(config, items):
    """Longest groups first (stable: file order is kept otherwise)."""
    items.sort(key=lambda item: _rank(group_of(item.nodeid)))


@pytest.hookimpl(tryfirst=True, optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """`make test` runs ``pytest -n 2 --dist loadgroup``: tests go to the
    workers group by group (:func:`group_of`), longest groups first.

    Our own scheduler, not xdist_group marks: with pytest 9.2, xdist 3.8's
    loadgroup drops the marks silently and deals the tests of one file to
    both workers (pytest-xdist issue 1386), so a module fixture was made
    twice and the browser story's steps ran in two separate worlds.
    """
    if config.getvalue('dist') != 'loadgroup':
        return None
    from xdist.scheduler import LoadScopeScheduling

    class ByGroup(LoadScopeScheduling):
        def _split_scope(self, nodeid):
            return group_of(nodeid)

    config.option.loadscopereorder = False    # keep LONG_FIRST's order
    return ByGroup(config, log)
