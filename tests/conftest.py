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
