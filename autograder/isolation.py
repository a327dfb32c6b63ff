"""Operating-system isolation for sandbox children (bubblewrap + setpriv).

Each child of :class:`autograder.sandbox.Sandbox` can be started inside
``bwrap`` (Debian's ``bubblewrap``) run as root, then ``setpriv`` drops it to
a uid no account uses (drawn per sandbox). The child then has:

- new PID, network, IPC, UTS and cgroup namespaces: no network but its own
  loopback, no view of (or signal to) the grader or any other process;
- a new mount namespace whose root is an empty tmpfs holding read-only binds
  of only what it needs (see :func:`view`), a new ``/proc`` for its own PID
  namespace, a minimal ``/dev``, and two size-limited private tmpfs, its
  HOME and cwd (``/home/learner``, its own, mode 700) and ``/tmp``, that
  disappear with it;
- no capabilities, ``no_new_privs``, an empty bounding set, and the rlimits
  the parent sets (memory, CPU, file size and, per sandbox uid, processes).

Killing ``bwrap`` (the parent's process group) ends the PID namespace, so
nothing a child starts outlives it (``--die-with-parent`` also covers the
grader dying). ``DLS_ISOLATION`` chooses: ``auto`` (default: isolate when
the machine can, else warn once and use the plain sandbox), ``required``
(fail loudly when it cannot — CI), ``off`` (plain sandbox).

Check it: ``python -m autograder.isolation`` (or ``python -m autograder
isolation``) prints the mode, why, and the child's view.
"""
import functools
import importlib.util
import logging
import os
import secrets
import shutil
import subprocess
import sys
import time
from typing import NamedTuple

from . import isolation_seccomp

ENV = 'DLS_ISOLATION'
SETTINGS = ('auto', 'required', 'off')
HERE = os.path.dirname(os.path.abspath(__file__))
CHILD_FILES = ('sandbox_child.py', 'sandbox_guard.py', 'sandbox_zygote.py',
               'keras_wire.py')
CHILD_DIR = '/opt/dls-sandbox'          # where the child files are, inside
CHILD = CHILD_DIR + '/sandbox_child.py'
HOME = '/home/learner'                  # the child's cwd and HOME, inside
UID_BASE, UID_SPAN = 2 ** 30, 2 ** 30   # sandbox uids: no account uses them
ETC = ('ld.so.cache', 'ld.so.conf', 'ld.so.conf.d', 'passwd', 'group',
       'nsswitch.conf', 'localtime', 'fonts')
SYSTEM = ('/usr',)
MERGED = ('bin', 'sbin', 'lib', 'lib32', 'lib64', 'libx32')
log = logging.getLogger(__name__)


class IsolationError(RuntimeError):
    """Isolation was required (``DLS_ISOLATION=required``) but is missing."""


class Status(NamedTuple):
    """Which mode sandbox children run in, and why."""
    isolated: bool
    setting: str       # auto | required | off
    why: str           # one line: what is missing, or what is in use
    tool: str = ''     # e.g. 'bubblewrap 0.8.0 + setpriv'


def setting():
    """The ``DLS_ISOLATION`` value (auto when unset)."""
    value = os.environ.get(ENV, 'auto').strip().lower() or 'auto'
    if value not in SETTINGS:
        raise IsolationError(f'{ENV}={value!r} is not one of '
                             f'{", ".join(SETTINGS)}; unset it or pick one')
    return value


# ------------------------------------------------------------------ the view
def _python_paths():
    """The Python installation and the venv, as real paths."""
    paths = []
    for prefix in (sys.base_prefix, sys.prefix, sys.exec_prefix):
        real = os.path.realpath(prefix)
        if real not in paths and not _under(real, SYSTEM):
            paths.append(real)
    return paths


def _aliases():
    """[(real path, path as this process names it)] for the prefixes
    reached through a symbolic link (e.g. a venv folder that is a link)."""
    links = []
    for prefix in (sys.base_prefix, sys.prefix, sys.exec_prefix):
        named, real = os.path.abspath(prefix), os.path.realpath(prefix)
        if named != real and (real, named) not in links \
                and not _under(named, SYSTEM):
            links.append((real, named))
    return links


def _shared_utils():
    """The ``shared_utils`` package folder (an editable install)."""
    spec = importlib.util.find_spec('shared_utils')
    if spec is None or not spec.submodule_search_locations:
        return []
    return [os.path.realpath(list(spec.submodule_search_locations)[0])]


def _under(path, roots):
    return any(path == r or path.startswith(r.rstrip('/') + '/')
               for r in roots)


def view():
    """What a child sees: [(host path, path inside)], all read-only.

    Returns:
        list of pairs; paths that do not exist on this machine are left out.
    """
    pairs = [(p, p) for p in SYSTEM]
    pairs += [(os.path.join('/etc', e), os.path.join('/etc', e)) for e in ETC]
    pairs += [(p, p) for p in _python_paths() + _shared_utils()]
    pairs += [(os.path.join(HERE, f), f'{CHILD_DIR}/{f}') for f in CHILD_FILES]
    return [(src, dest) for src, dest in pairs if os.path.exists(src)]


def _parents(dest):
    """Folders above `dest` that bwrap must create, outermost first."""
    parts = dest.strip('/').split('/')[:-1]
    return ['/' + '/'.join(parts[:i + 1]) for i in range(len(parts))]


def command(argv, uid, disk, seccomp_fd=None, extra_env=None):
    """The bwrap + setpriv command line that runs `argv` isolated.

    Inputs:
        argv: the command inside (paths as the child sees them).
        uid: the unprivileged uid (and gid) the command runs as.
        disk: size in bytes of each private tmpfs: HOME (also the cwd)
            and /tmp.
        seccomp_fd: a file descriptor with the filter of
            :mod:`autograder.isolation_seccomp` (pass it to the child:
            ``pass_fds``), or None for none.
        extra_env: {name: value} set inside (bwrap passes the environment
            of its caller through; these override it).

    Returns:
        list of str for :class:`subprocess.Popen` (run it as root).
    """
    cmd = ['bwrap', '--unshare-pid', '--unshare-net', '--unshare-ipc',
           '--unshare-uts', '--unshare-cgroup-try', '--hostname', 'sandbox',
           '--die-with-parent', '--cap-drop', 'ALL',
           '--cap-add', 'CAP_SETUID', '--cap-add', 'CAP_SETGID',
           '--cap-add', 'CAP_SETPCAP', '--cap-add', 'CAP_CHOWN']
    made = {'/tmp', HOME}
    for folder in _parents(HOME):
        made.add(folder)
        cmd += ['--perms', '0755', '--dir', folder]
    for scratch, perms in (('/tmp', '1777'), (HOME, '0700')):
        cmd += ['--perms', perms, '--size', str(int(disk)),
                '--tmpfs', scratch]
    pairs, links = view(), _aliases()
    for dest in [d for _, d in pairs] + [n for _, n in links]:
        for folder in _parents(dest):
            if folder not in made and folder.strip('/') not in MERGED:
                made.add(folder)
                cmd += ['--perms', '0755', '--dir', folder]
    for src, dest in pairs:
        cmd += ['--ro-bind', src, dest]
    for real, named in links:
        cmd += ['--symlink', real, named]
    for name in MERGED:          # /lib -> usr/lib on merged-/usr systems
        path = '/' + name
        if os.path.islink(path):
            cmd += ['--symlink', os.readlink(path), path]
        elif os.path.isdir(path):
            cmd += ['--ro-bind', path, path]
    cmd += ['--proc', '/proc', '--dev', '/dev', '--chdir', HOME]
    for key, value in (extra_env or {}).items():
        cmd += ['--setenv', key, value]
    if seccomp_fd is not None:
        cmd += ['--seccomp', str(seccomp_fd)]
    # HOME becomes the sandbox uid's own, then that uid is all that is left
    cmd += ['--', '/bin/sh', '-c', f'chown {uid}:{uid} {HOME} && exec "$@"',
            'sh', 'setpriv', f'--reuid={uid}', f'--regid={uid}',
            '--clear-groups', '--inh-caps=-all', '--bounding-set=-all',
            '--no-new-privs', '--']
    return cmd + list(argv)


def sandbox_uid():
    """A fresh uid for one sandbox (its process count is its own)."""
    return UID_BASE + secrets.randbelow(UID_SPAN)


def pids_of(uid):
    """Host pids of the processes running as `uid`."""
    found = []
    for name in os.listdir('/proc'):
        if name.isdigit():
            try:
                if os.stat(f'/proc/{name}').st_uid == uid:
                    found.append(int(name))
            except FileNotFoundError:
                pass
    return found


def wait_gone(uid, timeout=5.0):
    """Wait until no process runs as `uid` (the kernel ends a killed PID
    namespace's processes, and with them its tmpfs home, a moment after
    bwrap itself has died). Returns whether they went in time."""
    end = time.monotonic() + timeout
    while pids_of(uid):
        if time.monotonic() > end:
            return False
        time.sleep(0.01)
    return True


# ------------------------------------------------------------------ the probe
def _tool_version():
    try:
        out = subprocess.run(['bwrap', '--version'], capture_output=True,
                             text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ''
    return out or 'bubblewrap'


@functools.lru_cache(maxsize=None)
def _probe():
    """(ok, why): can this machine run an isolated child? Tried once."""
    if not sys.platform.startswith('linux'):
        return False, f'not Linux ({sys.platform})'
    if os.geteuid() != 0:
        return False, ('the grader is not root, so it cannot run children '
                       'as another user in new namespaces — run it as root '
                       '(e.g. in a container)')
    missing = [t for t in ('bwrap', 'setpriv') if shutil.which(t) is None]
    if missing:
        return False, (f'{" and ".join(missing)} not found — install '
                       "Debian's bubblewrap (apt-get install bubblewrap) "
                       'and util-linux')
    uid, fd = sandbox_uid(), isolation_seccomp.memfd()
    cmd = command([sys.executable, '-I', '-c',
                   'import os; print(os.getuid(), os.getppid(), '
                   'os.path.exists(' + repr(HERE) + '))'], uid, 2 ** 20, fd)
    try:
        run = subprocess.run(cmd, capture_output=True, text=True,
                             timeout=60, env=_probe_env(),
                             pass_fds=() if fd is None else (fd,))
    except (OSError, subprocess.SubprocessError) as err:
        return False, f'bwrap could not start: {err}'
    finally:
        if fd is not None:
            os.close(fd)
    if run.returncode != 0 or run.stdout.split() != [str(uid), '1', 'False']:
        tail = (run.stderr.strip().splitlines() or ['no message'])[-1]
        return False, (f'bwrap is installed but a test child failed (exit '
                       f'{run.returncode}: {tail[:200]}); a container that '
                       'refuses new namespaces cannot isolate')
    return True, 'children run in new namespaces as an unprivileged uid'


def _probe_env():
    return {'PATH': os.environ.get('PATH', '/usr/bin:/bin'),
            'LANG': 'C.UTF-8', 'HOME': HOME}


def status():
    """The mode in force now (reads ``DLS_ISOLATION``; probes once)."""
    value = setting()
    if value == 'off':
        return Status(False, value, f'{ENV}=off: isolation turned off')
    ok, why = _probe()
    seccomp = (' + seccomp filter' if isolation_seccomp.program()
               else ' (no seccomp filter for this architecture)')
    return Status(ok, value, why,
                  f'{_tool_version()} + setpriv{seccomp}' if ok else '')


_warned = []


def for_sandbox():
    """The status a new sandbox uses: raises when isolation is required
    and missing; says once (a log warning) when it is reduced."""
    current = status()
    if current.isolated:
        return current
    if current.setting == 'required':
        raise IsolationError(f'{ENV}=required but sandbox children cannot '
                             f'be isolated: {current.why}')
    if not _warned:
        _warned.append(current)
        log.warning('Grading isolation is REDUCED: learner code runs as the '
                    "grader's user with only the audit hook and rlimits "
                    '(%s). Check with: python -m autograder isolation',
                    current.why)
    return current


def describe(current=None):
    """A few lines for people: mode, why, and what a child sees."""
    current = current or status()
    lines = [f'isolation: {"ON" if current.isolated else "REDUCED"} '
             f'({ENV}={current.setting})', f'why: {current.why}']
    if current.isolated:
        lines.append(f'tool: {current.tool}')
        lines.append('a child sees (read-only): ' + ', '.join(
            dest for _, dest in view()))
        lines.append(f'writable: {HOME} (its cwd and HOME) and /tmp, '
                     'private size-limited tmpfs; /proc of its own PID '
                     'namespace; /dev minimal')
    else:
        lines.append('children run as this user, guarded by the audit hook '
                     'and rlimits only')
    return '\n'.join(lines)


def main(argv=None):
    """``python -m autograder.isolation``: print the mode; exit 1 when
    ``DLS_ISOLATION=required`` cannot be met."""
    try:
        current = status()
    except IsolationError as err:
        print(err, file=sys.stderr)
        return 2
    print(describe(current))
    return 1 if current.setting == 'required' and not current.isolated else 0


if __name__ == '__main__':
    sys.exit(main())
