"""Isolation: limits and lifetimes (processes, background processes,
scratch folders), TensorFlow inside, the reduced and required modes, the
CLI, and the same scores isolated or not (autograder/isolation.py).
See test_isolation.py for the approach."""
import logging
import os
import subprocess
import sys
import textwrap

import pytest

from autograder import grade, isolation
from autograder.sandbox import Limits, Sandbox
from helpers import submission
from isolation_helpers import (REPO, bare, gone, isolated,  # noqa: F401
                               pids_of, run_cell)


def test_threads_and_forks_stop_at_the_process_limit(isolated):
    limits = Limits(processes=40)
    b = Sandbox(limits)
    try:
        made = run_cell(b, '''
            import threading, time
            stop, n = threading.Event(), 0
            try:
                while n < 1000:
                    threading.Thread(target=stop.wait, daemon=True).start()
                    n += 1
            except RuntimeError:
                pass
            stop.set()
            return n
        ''', prelude='import os')
    finally:
        b.close()
    assert 0 < made < 40
    uid, stdout = bare(textwrap.dedent('''
        import os, time
        n = 0
        try:
            while n < 1000:
                if os.fork() == 0:
                    time.sleep(120)
                    os._exit(0)
                n += 1
        except BlockingIOError:
            print('limit', n)
    '''), limits=limits)
    assert stdout.startswith('limit') and int(stdout.split()[1]) < 40
    assert gone(uid)                # the forks died with the sandbox


FORK_EXEC = '''
import subprocess, sys, time
try:   # subprocess audits in Python code, through the name sys.audit
    sys.audit = lambda *args: None
    subprocess.Popen(['/usr/bin/sleep', '300'], start_new_session=True)
except Exception as err:
    return type(err).__name__
time.sleep(0.3)
return 'started'
'''


def test_a_background_process_dies_with_the_sandbox(isolated):
    uid, stdout = bare(textwrap.dedent('''
        import os, time
        if os.fork() == 0:
            os.setsid()
            if os.fork() == 0:          # a daemon, reparented to pid 1
                time.sleep(300)
            os._exit(0)
        time.sleep(0.3)
        print('started')
    '''))
    assert stdout.strip() == 'started'
    assert gone(uid)
    b = Sandbox(Limits(call_s=20))
    try:   # a route past the audit hook (a harder hook may refuse it)
        started = run_cell(b, FORK_EXEC)
        if started == 'started':
            assert len(pids_of(b.uid)) == 2    # the child and its sleep
    finally:
        b.close()
    assert gone(b.uid)


def test_scratch_folder_is_private_and_gone_after_close(isolated):
    first = Sandbox(Limits(call_s=20))
    try:
        run_cell(first, "open('left-behind', 'w').write('answers')")
        pid = pids_of(first.uid)[0]
        inside = f'/proc/{pid}/root{isolation.HOME}/left-behind'
        assert open(inside).read() == 'answers'   # only in its namespace
        assert first.home is None
    finally:
        first.close()
    assert not os.path.exists(inside)
    bare("open('/tmp/left-behind', 'w').write('answers')\n"
          "open('left-behind', 'w').write('answers')")
    second = Sandbox(Limits(call_s=20))
    try:
        seen = run_cell(second, "return os.listdir('.') + os.listdir('/tmp')")
    finally:
        second.close()
    assert 'left-behind' not in seen


def test_tensorflow_imports_and_runs_inside(isolated):
    b = Sandbox(Limits(call_s=60, memory=16 * 2 ** 30))
    try:
        value = run_cell(b, '''
            model = keras.Sequential([keras.Input((3,)),
                                      keras.layers.Dense(2, 'relu')])
            return float(tf.reduce_sum(model(tf.ones((4, 3)))).numpy() >= 0)
        ''', prelude='import tensorflow as tf\nimport keras')
    finally:
        b.close()
    assert value == 1.0


def test_forced_off_grades_with_the_plain_sandbox_and_warns_once(
        monkeypatch, caplog):
    monkeypatch.setenv(isolation.ENV, 'off')
    monkeypatch.setattr(isolation, '_warned', [])
    with caplog.at_level(logging.WARNING, logger=isolation.__name__):
        boxes = [Sandbox(Limits(call_s=10)) for _ in range(2)]
        try:
            assert [b.isolated for b in boxes] == [False, False]
            assert os.path.isdir(boxes[0].home)
            assert run_cell(boxes[0], 'return os.getuid()') == os.getuid()
        finally:
            for b in boxes:
                b.close()
    warnings = [r for r in caplog.records if 'REDUCED' in r.getMessage()]
    assert len(warnings) == 1


def test_required_fails_loudly_when_the_machine_cannot(monkeypatch):
    monkeypatch.setenv(isolation.ENV, 'required')
    monkeypatch.setattr(isolation, '_probe',
                        lambda: (False, 'bwrap not found — install it'))
    with pytest.raises(isolation.IsolationError, match='bwrap not found'):
        Sandbox()
    monkeypatch.setenv(isolation.ENV, 'auto')
    monkeypatch.setattr(isolation, '_warned', [])
    b = Sandbox()
    try:
        assert not b.isolated
    finally:
        b.close()
    monkeypatch.setenv(isolation.ENV, 'sometimes')
    with pytest.raises(isolation.IsolationError, match='not one of'):
        Sandbox()


def test_cli_says_which_mode_is_in_use():
    current = isolation.status()
    run = subprocess.run([sys.executable, '-m', 'autograder', 'isolation'],
                         capture_output=True, text=True, cwd=REPO,
                         timeout=120)
    assert run.returncode == 0, run.stderr
    word = 'ON' if current.isolated else 'REDUCED'
    assert run.stdout.startswith(f'isolation: {word}')
    if current.isolated:
        assert 'shared_utils' in run.stdout and 'hidden' not in run.stdout


def test_isolated_grading_gives_the_same_scores(isolated, monkeypatch):
    nbs = {'reference': submission('C1_W2A2', release=False),
           'stub': submission('C1_W2A2')}
    scores = {}
    for setting in ('required', 'off'):
        monkeypatch.setenv(isolation.ENV, setting)
        for kind, nb in nbs.items():
            results = grade.grade_notebook(nb, 'C1_W2A2')
            scores[setting, kind] = {n: (r.score, r.max_score, r.messages)
                                     for n, r in results.items()}
    assert scores['required', 'reference'] == scores['off', 'reference']
    assert scores['required', 'stub'] == scores['off', 'stub']
    assert all(s == top for s, top, _ in
               scores['required', 'reference'].values())
    assert all(s == 0 for s, _, _ in scores['required', 'stub'].values())
