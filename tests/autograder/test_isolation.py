"""Operating-system isolation of sandbox children: what they can see,
who they are, where they can write, network, processes, seccomp
(autograder/isolation.py, isolation_seccomp.py).

Most tests try things from a learner's cell in a real :class:`Sandbox`
(with the audit hook as its second layer, and `protect` left empty so that
only the operating system stands in the way); some run a script in the same
wrapper with no hook at all (`bare`), to show what code that got past the
hook would meet. Where the machine cannot isolate they are skipped, unless
``DLS_ISOLATION=required`` (CI), where they fail.
"""
import json
import os
import socket
import sys
import textwrap

import pytest

from autograder import curriculum, isolation, isolation_seccomp
from isolation_helpers import (GRADER, REPO, bare, box,  # noqa: F401
                               isolated, run_cell)


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
    _, stdout = bare(script, json.dumps(paths), REPO)
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
    _, stdout = bare(textwrap.dedent(f'''
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
        _, stdout = bare(script)
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
    _, stdout = bare(f'import os\ntry:\n    os.kill({GRADER}, 9)\n'
                      'except OSError as err:\n    print(type(err).__name__)')
    assert stdout.strip() == 'ProcessLookupError'


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
    _, without = bare(NAMESPACES, seccomp=False)
    if os.path.exists('/proc/sys/user/max_user_namespaces') and int(open(
            '/proc/sys/user/max_user_namespaces').read()) > 0:
        assert without.splitlines()[0] == '0 0'   # so the filter matters
    _, stdout = bare(NAMESPACES)
    assert stdout.splitlines() == ['-1 1', '-1 1', 'thread', 'fork 7',
                                   'exec 0']


def test_seccomp_program_is_well_formed():
    for machine in ('x86_64', 'aarch64'):
        code = isolation_seccomp.program(machine)
        assert code and len(code) % 8 == 0 and len(code) // 8 < 256
    assert isolation_seccomp.program('riscv64') is None
