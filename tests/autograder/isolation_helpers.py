"""Shared by the isolation tests: fixtures, a learner cell in a Sandbox,
a script in the bare wrapper (no audit hook), host processes of a uid."""
import os
import subprocess
import sys
import textwrap

import pytest

from autograder import curriculum, isolation, isolation_seccomp, sandbox
from autograder.sandbox import Limits, Sandbox

REPO = curriculum.REPO
GRADER = os.getpid()


@pytest.fixture(scope='module')
def isolated():
    """The isolation status; skips (fails under required) without it."""
    current = isolation.status()
    if not current.isolated:
        if current.setting == 'required':
            pytest.fail(f'DLS_ISOLATION=required but: {current.why}')
        pytest.skip(f'isolation not available here: {current.why}')
    return current


@pytest.fixture
def box(isolated):
    """An isolated Sandbox with a 20 s call limit."""
    b = Sandbox(Limits(call_s=20))
    yield b
    b.close()


def run_cell(box, body, args=(), prelude='import os, json'):
    """Define f from `body` (a function body) in `box`, call it."""
    cell = 'def f(*args):\n' + textwrap.indent(textwrap.dedent(body), '    ')
    reply = box.load('f', prelude, [], cell, protect=())
    assert reply['ok'] and reply['callable'], reply
    return box.call(args).value


def bare(script, *args, limits=None, timeout=60, seccomp=True):
    """Run `script` (``sys.argv[1:]`` = `args`) in the wrapper with no audit
    hook (as a Sandbox child, with the seccomp filter unless told not to);
    return (uid, stdout)."""
    limits = limits or Limits()
    uid = isolation.sandbox_uid()
    fd = isolation_seccomp.memfd() if seccomp else None
    cmd = isolation.command([sys.executable, '-I', '-c', script, *args], uid,
                            limits.disk, fd)
    try:
        run = subprocess.run(cmd, capture_output=True, text=True,
                             timeout=timeout, pass_fds=(fd,) if fd else (),
                             env=sandbox._environment(isolation.HOME),
                             preexec_fn=sandbox._preexec(limits, True))
    finally:
        if fd:
            os.close(fd)
    assert run.returncode == 0, run.stderr[-2000:]
    return uid, run.stdout


pids_of = isolation.pids_of


def gone(uid, wait=3.0):
    """True once no host process runs as `uid` (within `wait` seconds)."""
    return isolation.wait_gone(uid, wait)


# Paths a learner must not see: hidden checks, a master, tests, a course dir.
