"""The learner command starts JupyterLab with nbgrader's learner tools
working: assignment list, fetch, validate and submit (REST, no browser)."""
import json
import os
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request

import pytest

from autograder import curriculum, loop

pytestmark = [pytest.mark.slow]
A = 'C1_W2A1'
TOKEN = 'lab-test-token'


def _free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


@pytest.fixture(scope='module')
def lab(tmp_path_factory):
    work = str(tmp_path_factory.mktemp('lab'))
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, '-m', 'autograder', '--work', work, 'lab',
         '--student', 'lena', '--assignment', A, '--port', str(port), '--',
         f'--IdentityProvider.token={TOKEN}', '--ServerApp.port_retries=0'],
        cwd=curriculum.REPO, stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT, start_new_session=True)
    base = f'http://127.0.0.1:{port}'
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            _get(base, '/api/status')
            break
        except OSError:
            time.sleep(0.5)
    else:
        proc.kill()
        pytest.fail(proc.stdout.read().decode()[-3000:])
    yield base, os.path.join(work, 'lab', 'learners', 'lena')
    os.killpg(proc.pid, 15)
    proc.wait(timeout=30)


def _request(base, path, data=None):
    req = urllib.request.Request(
        base + path, data=data,
        headers={'Authorization': f'token {TOKEN}'})
    with urllib.request.urlopen(req, timeout=300) as response:
        return response.read().decode()


def _get(base, path):
    return _request(base, path)


def _post(base, endpoint, **form):
    body = urllib.parse.urlencode(form).encode()
    return json.loads(_request(base, endpoint, body))


def test_learner_sees_the_released_assignment_and_no_formgrader(lab):
    base, _home = lab
    listed = json.loads(_get(base, '/assignments?course_id=dls'))
    assert listed['success']
    assert [a['assignment_id'] for a in listed['value']] == [A]
    with pytest.raises(urllib.error.HTTPError):
        _get(base, '/formgrader/api/status')


def test_fetch_validate_and_submit(lab):
    base, home = lab
    fetched = _post(base, '/assignments/fetch', course_id='dls',
                    assignment_id=A)
    assert fetched['success'], fetched
    path = os.path.join(A, curriculum.get(A).notebook)
    failed = _post(base, '/assignments/validate', path=path)
    assert 'NotImplementedError' in json.dumps(failed)
    loop.fill(os.path.join(home, path), loop.perfect(A))
    passed = _post(base, '/assignments/validate', path=path)
    assert passed['success'], passed
    assert 'failed' not in passed['value'], passed
    submitted = _post(base, '/assignments/submit', course_id='dls',
                      assignment_id=A)
    assert submitted['success'], submitted
