"""Put the repository and tests/ on sys.path; shared fixtures."""
import os
import sys

import pytest

TESTS = os.path.dirname(os.path.abspath(__file__))
for path in (os.path.dirname(TESTS), TESTS):
    if path not in sys.path:
        sys.path.insert(0, path)

from helpers import ASSIGNMENTS  # noqa: E402


@pytest.fixture(params=ASSIGNMENTS)
def assignment_id(request):
    return request.param


_GROUP = pytest.StashKey[str]()
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
              'tests/course4/test_c4_w2a2.py')


def _rank(group):
    return next((i for i, g in enumerate(LONG_FIRST)
                 if group.startswith(g)), len(LONG_FIRST))


def pytest_collection_modifyitems(config, items):
    """Group tests for pytest-xdist's `--dist loadgroup` (make test).

    A test file is one group, so its module fixtures (a notebook run, a
    sandbox) are made once on one worker; test_grading.py, the longest
    file, is split into one group per assignment so both workers share it.
    """
    if not config.pluginmanager.hasplugin('xdist'):
        return
    for item in items:
        group = item.nodeid.split('::')[0]
        params = getattr(getattr(item, 'callspec', None), 'params', {})
        if group.endswith('autograder/test_grading.py') and \
                'assignment_id' in params:
            group += '::' + params['assignment_id']
        item.add_marker(pytest.mark.xdist_group(group))
        item.stash[_GROUP] = group
    items.sort(key=lambda item: _rank(item.stash[_GROUP]))   # stable
