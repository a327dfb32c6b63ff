"""Operating-system isolation of sandbox children (autograder/isolation.py).

Most tests try things from a learner's cell in a real :class:`Sandbox`
(with the audit hook as its second layer, and `protect` left empty so that
only the operating system stands in the way); a few run a script in the
same wrapper with no hook at all (`_bare`), to show what code that got past
the hook would meet. Where the machine cannot isolate they are skipped,
unless ``DLS_ISOLATION=required`` (CI), where they fail.
"""
import json
import logging
import os
import socket
import subprocess
import sys
import textwrap
import time

import pytest

from autograder import curriculum, grade, isolation, isolation_seccomp
from autograder import sandbox
from autograder.sandbox import Limits, Sandbox
from helpers import submission

REPO = curriculum.REPO
GRADER = os.getpid()


@pytest.fixture(scope='module')
def isolated():
    current = isolation.status()
    if not current.isolated:
        if current.setting == 'required':
            pytest.fail(f'DLS_ISOLATION=required but: {current.why}')
        pytest.skip(f'isolation not available here: {current.why}')
    return current


@pytest.fixture
def box(isolated):
    b = Sandbox(Limits(call_s=20))
    yield b
    b.close()


def run_cell(box, body, args=(), prelude='import os, json'):
    """Define f from `body` (a function body) in `box`, call it."""
    cell = 'def f(*args):\n' + textwrap.indent(textwrap.dedent(body), '    ')
    reply = box.load('f', prelude, [], cell, protect=())
    assert reply['ok'] and reply['callable'], reply
    return box.call(args).value


def _bare(script, *args, limits=None, timeout=60, seccomp=True):
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


def _gone(uid, wait=3.0):
    """True once no host process runs as `uid` (within `wait` seconds)."""
    deadline = time.monotonic() + wait
    while _pids_of(uid) and time.monotonic() < deadline:
        time.sleep(0.05)
    return _pids_of(uid) == []


def _pids_of(uid):
    """Host pids of processes running as `uid`."""
    found = []
    for name in os.listdir('/proc'):
        if name.isdigit():
            try:
                if os.stat(f'/proc/{name}').st_uid == uid:
                    found.append(int(name))
            except FileNotFoundError:
                pass
    return found


# Paths a learner must not see: hidden checks, a master, tests, a course dir.
def _secrets(tmp_path):
    course = tmp_path / 'course' / 'submitted' / 'ben' / 'C1_W2A2'
    course.mkdir(parents=True)
    (course / 'nb.ipynb').write_text('other learner')
    (tmp_path / 'course' / 'gradebook.db').write_text('grades')
    return [os.path.join(REPO, 'autograder', 'hidden', 'c1_w2a2.py'),
            curriculum.get('C1_W2A2').master,
            os.path.join(REPO, 'tests', 'conftest.py'),
            os.path.join(REPO, 'autograder', 'grade.py'),
            str(course / 'nb.ipynb'), str(tmp_path / 'course' / 'gradebook.db'),
            f'/proc/{GRADER}/mem', f'/proc/{GRADER}/environ']


READS = '''
out = {}
for path in args[0]:
    tried = []
    for how in ('open', 'os.open', 'stat'):
        try:
            if how == 'open':
                open(path, 'rb').read(10)
            elif how == 'os.open':
                os.read(os.open(path, os.O_RDONLY), 10)
            else:
                os.stat(path)
            tried.append(how + ': READ')
        except OSError as err:
            tried.append(how + ': ' + type(err).__name__)
    out[path] = tried
return json.dumps(out)
'''


def test_hidden_files_course_dir_and_grader_memory_are_not_visible(
        box, tmp_path):
    paths = _secrets(tmp_path)
    assert all(os.path.exists(p) for p in paths)      # they are, out here
    seen = json.loads(run_cell(box, READS, (paths,)))
    for path in paths:    # the audit hook may refuse first; stat it cannot
        assert not any(t.endswith('READ') for t in seen[path]), seen[path]
        assert seen[path][-1] == 'stat: FileNotFoundError', seen[path]


def test_without_the_audit_hook_ctypes_cannot_read_them_either(
        isolated, tmp_path):
    paths = _secrets(tmp_path)
    script = textwrap.dedent('''
        import ctypes, json, os, sys
        libc = ctypes.CDLL(None, use_errno=True)
        out = {}
        for path in json.loads(sys.argv[1]):
            fd = libc.open(path.encode(), os.O_RDONLY)
            out[path] = fd if fd >= 0 else -ctypes.get_errno()
        print(json.dumps({'files': out, 'repo': os.listdir(sys.argv[2])}))
    ''')
    _, stdout = _bare(script, json.dumps(paths), REPO)
    seen = json.loads(stdout)
    assert all(v == -2 for v in seen['files'].values()), seen   # ENOENT
    assert sorted(seen['repo']) == ['.venv', 'shared_utils'], seen['repo']


def test_child_is_an_unprivileged_uid_without_capabilities(box):
    seen = json.loads(run_cell(box, '''
        status = dict(line.split(':', 1) for line in
                      open('/proc/self/status').read().splitlines())
        home = os.stat(os.environ['HOME'])
        return json.dumps([os.getuid(), os.geteuid(), os.getgroups(),
                           status['CapEff'].strip(), status['CapBnd'].strip(),
                           status['NoNewPrivs'].strip(),
                           [home.st_uid, home.st_mode & 0o777]])
    '''))
    uid, euid, groups, cap_eff, cap_bnd, nnp, home = seen
    assert uid == euid == box.uid and uid not in (0, os.getuid())
    assert home == [box.uid, 0o700]          # its HOME is its own
    assert groups == [] and int(cap_eff, 16) == 0 and int(cap_bnd, 16) == 0
    assert nnp == '1'


def test_cannot_write_outside_its_scratch_folders(box, tmp_path):
    os.chmod(tmp_path, 0o777)
    targets = [str(tmp_path / 'x'), os.path.join(REPO, 'shared_utils', 'x'),
               os.path.join(sys.prefix, 'x'), '/x', '/etc/x', '/usr/x']
    seen = json.loads(run_cell(box, '''
        out = {}
        for path in args[0] + ['/tmp/ok', os.path.join(os.getcwd(), 'ok')]:
            try:   # os.open with O_WRONLY: the audit hook blocks it too
                fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
                os.write(fd, b'x')
                out[path] = 'WROTE'
            except OSError as err:
                out[path] = type(err).__name__
        return json.dumps([os.getcwd(), os.environ['HOME'], out])
    ''', (targets,)))
    cwd, home, out = seen
    assert cwd == home == isolation.HOME
    assert all(out[t] != 'WROTE' for t in targets), out
    assert not any(os.path.exists(t) for t in targets)
    _, stdout = _bare(textwrap.dedent(f'''
        import os
        for path in {targets!r} + ['/tmp/ok', os.path.join(os.getcwd(), 'ok')]:
            try:
                open(path, 'w').write('x')
                print(path, 'WROTE')
            except OSError as err:
                print(path, type(err).__name__)
    '''))
    wrote = [line.split()[0] for line in stdout.splitlines()
             if line.endswith('WROTE')]
    assert sorted(wrote) == sorted(['/tmp/ok', isolation.HOME + '/ok'])
    assert not any(os.path.exists(t) for t in targets)


def test_network_is_gone_udp_and_tcp_reach_nothing_on_the_host(box):
    udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    tcp = socket.socket()
    try:
        udp.bind(('127.0.0.1', 0))
        tcp.bind(('127.0.0.1', 0))
        tcp.listen(4)
        udp.settimeout(2)
        tcp.settimeout(2)
        socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(
            b'control', udp.getsockname())
        assert udp.recv(100) == b'control'        # the server listens
        ports = [udp.getsockname()[1], tcp.getsockname()[1]]
        script = textwrap.dedent(f'''
            import socket
            out = []
            s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            try:
                s.sendto(b'leak', ('127.0.0.1', {ports[0]}))
                out.append('udp sent')
            except OSError as err:
                out.append('udp ' + type(err).__name__)
            try:
                socket.create_connection(('127.0.0.1', {ports[1]}), 2)
                out.append('tcp CONNECTED')
            except OSError as err:
                out.append('tcp ' + type(err).__name__)
            print(out)
        ''')
        _, stdout = _bare(script)
        assert "'udp sent'" in stdout, stdout      # into its own loopback
        assert 'tcp ConnectionRefusedError' in stdout, stdout
        # and from a learner's cell (the audit hook may refuse it first)
        run_cell(box, '''
            import socket
            try:
                s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
                s.sendto(b'leak', ('127.0.0.1', args[0]))
            except OSError as err:
                return type(err).__name__
            return 'sent'
        ''', (ports[0],), prelude='import os')
        with pytest.raises(socket.timeout):
            udp.recv(100)
        with pytest.raises(socket.timeout):
            tcp.accept()
    finally:
        udp.close()
        tcp.close()


def test_cannot_see_or_signal_the_grader(box):
    seen = json.loads(run_cell(box, '''
        pids = sorted(int(p) for p in os.listdir('/proc') if p.isdigit())
        return json.dumps([os.getpid(), os.getppid(), pids,
                           os.path.exists('/proc/%d' % args[0])])
    ''', (GRADER,)))
    pid, ppid, pids, grader_visible = seen     # pids of its own namespace
    assert pid < 10 and ppid < 10 and max(pids) < 10 and not grader_visible
    _, stdout = _bare(f'import os\ntry:\n    os.kill({GRADER}, 9)\n'
                      'except OSError as err:\n    print(type(err).__name__)')
    assert stdout.strip() == 'ProcessLookupError'


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
    uid, stdout = _bare(textwrap.dedent('''
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
    assert _gone(uid)                # the forks died with the sandbox


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
    uid, stdout = _bare(textwrap.dedent('''
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
    assert _gone(uid)
    b = Sandbox(Limits(call_s=20))
    try:   # a route past the audit hook (a harder hook may refuse it)
        started = run_cell(b, FORK_EXEC)
        if started == 'started':
            assert len(_pids_of(b.uid)) == 2    # the child and its sleep
    finally:
        b.close()
    assert _gone(b.uid)


def test_scratch_folder_is_private_and_gone_after_close(isolated):
    first = Sandbox(Limits(call_s=20))
    try:
        run_cell(first, "open('left-behind', 'w').write('answers')")
        pid = _pids_of(first.uid)[0]
        inside = f'/proc/{pid}/root{isolation.HOME}/left-behind'
        assert open(inside).read() == 'answers'   # only in its namespace
        assert first.home is None
    finally:
        first.close()
    assert not os.path.exists(inside)
    _bare("open('/tmp/left-behind', 'w').write('answers')\n"
          "open('left-behind', 'w').write('answers')")
    second = Sandbox(Limits(call_s=20))
    try:
        seen = run_cell(second, "return os.listdir('.') + os.listdir('/tmp')")
    finally:
        second.close()
    assert 'left-behind' not in seen


NAMESPACES = '''
import ctypes, os, subprocess, threading
libc = ctypes.CDLL(None, use_errno=True)
for flag in (0x10000000, 0x40000000):           # CLONE_NEWUSER, CLONE_NEWNET
    print(libc.unshare(flag), ctypes.get_errno())
thread = threading.Thread(target=print, args=('thread',))
thread.start()
thread.join()
pid = os.fork()
if pid == 0:
    os._exit(7)
print('fork', os.waitpid(pid, 0)[1] >> 8)
print('exec', subprocess.run(['/usr/bin/true']).returncode)
'''


def test_seccomp_refuses_new_namespaces_yet_threads_and_forks_work(
        isolated):
    if isolation_seccomp.program() is None:
        pytest.skip('no seccomp filter for this architecture')
    _, without = _bare(NAMESPACES, seccomp=False)
    if os.path.exists('/proc/sys/user/max_user_namespaces') and int(open(
            '/proc/sys/user/max_user_namespaces').read()) > 0:
        assert without.splitlines()[0] == '0 0'   # so the filter matters
    _, stdout = _bare(NAMESPACES)
    assert stdout.splitlines() == ['-1 1', '-1 1', 'thread', 'fork 7',
                                   'exec 0']


def test_seccomp_program_is_well_formed():
    for machine in ('x86_64', 'aarch64'):
        code = isolation_seccomp.program(machine)
        assert code and len(code) % 8 == 0 and len(code) // 8 < 256
    assert isolation_seccomp.program('riscv64') is None


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
