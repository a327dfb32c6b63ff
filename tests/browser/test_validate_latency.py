"""Validate on a TensorFlow notebook must not freeze the learner's
JupyterLab: the server answers other requests while it runs."""
import json
import os
import sys
import threading
import time
import urllib.parse
import urllib.request

import pytest

from autograder import course, curriculum, loop

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from servers import TOKEN, Lab  # noqa: E402

pytestmark = [pytest.mark.browser, pytest.mark.slow]
TF = 'C2_W3A1'
LIMIT_S = 10.0


@pytest.mark.skipif(TF not in curriculum.ASSIGNMENTS,
                    reason='the TensorFlow notebook is not registered yet')
def test_ui_stays_responsive_while_validating_a_tensorflow_notebook(
        tmp_path):
    paths = course.build(str(tmp_path / 'course'), [TF])
    api = loop.instructor_api(paths['root'])
    loop._check(api.generate_assignment(TF), 'generate')
    loop._check(api.release_assignment(TF), 'release')
    home = course.learner(str(tmp_path / 'learner'), 'tia',
                          paths['exchange'])
    lapi = loop.learner_api(home['home'], 'tia', paths['exchange'])
    loop._check(loop.exchange_step(lapi, 'FetchAssignment', TF), 'fetch')
    notebook = os.path.join(TF, curriculum.get(TF).notebook)
    loop.fill(os.path.join(home['home'], notebook), loop.perfect(TF))
    lab = Lab(home['home'], home['jupyter_config_dir'],
              log=str(tmp_path / 'lab.log'))
    try:
        gaps, done = [], threading.Event()

        def poll():
            while not done.is_set():
                start = time.monotonic()
                lab.get('/api/status', timeout=120)
                gaps.append(time.monotonic() - start)
                time.sleep(0.2)

        poller = threading.Thread(target=poll)
        poller.start()
        start = time.monotonic()
        body = urllib.parse.urlencode({'path': notebook}).encode()
        req = urllib.request.Request(
            lab.base + '/assignments/validate', data=body,
            headers={'Authorization': f'token {TOKEN}'})
        with urllib.request.urlopen(req, timeout=600) as response:
            result = json.loads(response.read())
        took = time.monotonic() - start
        done.set()
        poller.join()
    finally:
        lab.stop()
    assert result['success'], result
    assert 'failed' not in result['value'], result
    print(f'validate took {took:.1f} s; longest /api/status wait '
          f'{max(gaps):.2f} s over {len(gaps)} polls')
    assert max(gaps) <= LIMIT_S
