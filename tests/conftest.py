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
