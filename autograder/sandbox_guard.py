"""The sandbox worker's guard: an audit hook installed before a learner's
cell runs (the second layer under the operating-system isolation of
:mod:`autograder.isolation`).

Loaded by path in the sandbox child (:func:`sandbox_child.sibling`); it
imports nothing from the autograder package. :func:`install` refuses
writing outside the scratch folder, reading the protected folders and other
processes' ``/proc`` entries, opening folders, and every event in
:data:`REFUSED`; system calls that raise no audit event are replaced by
refusals first (:func:`_stub_unaudited`).
"""
import os
import sys

# Audit events refused outright while learner code runs (prefixes end in
# a dot). Processes, signals, foreign functions, sockets, databases, the
# limits of any process, other threads' frames and the garbage collector's
# view of every object (our references, in a shared sandbox).
REFUSED = {'subprocess.Popen', 'os.system', 'os.exec', 'os.posix_spawn',
           'os.fork', 'os.forkpty', 'os.kill', 'os.killpg', 'pty.spawn',
           'os.putenv', 'os.unsetenv', 'os.chdir', 'os.chroot', 'os.symlink',
           'os.link', 'resource.setrlimit', 'resource.prlimit',
           'gc.get_objects', 'gc.get_referrers', 'gc.get_referents',
           'sys._current_frames', 'ctypes.', 'socket.', 'sqlite3.',
           '_winapi.', 'winreg.'}
# Modules a graded function never needs and that reach past the audit hook
# (their calls raise no audit event); imported after the guard they are
# refused, and where one is already loaded its dangerous calls are stubbed.
REFUSED_IMPORTS = ('cffi', '_cffi_backend', 'sqlite3', '_sqlite3', 'psutil',
                   '_psutil_linux', '_psutil_posix', '_posixsubprocess',
                   '_ctypes', 'ctypes', 'posix', '_signal', '_multiprocessing',
                   '_posixshmem', '_testcapi', '_testinternalcapi',
                   '_testmultiphase', '_testbuffer', '_testsinglephase',
                   '_xxsubinterpreters', '_xxinterpchannels', '_xxtestfuzz')
STUBBED = {'posix': ('mkfifo', 'mknod', 'pidfd_open', 'setpriority',
                     'sched_setscheduler', 'sched_setparam',
                     'sched_setaffinity', 'setns', 'unshare'),
           '_posixsubprocess': ('fork_exec',),
           '_signal': ('pidfd_send_signal',),
           '_multiprocessing': ('SemLock', 'sem_unlink'),
           '_posixshmem': ('shm_open', 'shm_unlink'),
           'psutil._psutil_linux': ('linux_prlimit', 'proc_cpu_affinity_set',
                                    'proc_ioprio_set', 'proc_priority_set'),
           'psutil._psutil_posix': ('setpriority',)}


def _refusal(name):
    def refused(*args, **kwargs):
        raise PermissionError(f'{name} is not allowed while grading')
    refused.__name__ = name
    return refused


def _stub_unaudited():
    """Replace system calls that raise no audit event (FIFOs, pidfd
    signals, other processes' priorities and limits, fork_exec) by
    refusals, everywhere a loaded module holds them."""
    import importlib
    originals = {}
    for module_name, names in STUBBED.items():
        try:
            module = sys.modules.get(module_name) or (
                importlib.import_module(module_name)
                if module_name in ('posix', '_posixsubprocess', '_signal')
                else None)
        except ImportError:
            module = None
        for name in names:
            obj = getattr(module, name, None) if module else None
            if obj is not None:
                originals[id(obj)] = _refusal(f'{module_name}.{name}')
    for module in list(sys.modules.values()):
        namespace = getattr(module, '__dict__', None)
        if not isinstance(namespace, dict):
            continue
        for key, value in list(namespace.items()):
            if id(value) in originals:
                namespace[key] = originals[id(value)]


def install(protect, home):
    """Block writes outside our scratch folder `home`, reads of grader
    files (`protect`) and of other processes, and everything in
    :data:`REFUSED`."""
    _stub_unaudited()
    protect = [os.path.realpath(p) for p in protect]
    home = os.path.realpath(home)
    own = str(os.getpid())
    writes = ('w', 'a', 'x', '+')
    exact = {e for e in REFUSED if not e.endswith('.')}
    prefixes = tuple(e for e in REFUSED if e.endswith('.'))
    changes = {'os.remove', 'os.rename', 'os.rmdir', 'os.mkdir', 'os.chmod',
               'os.chown', 'os.truncate', 'shutil.rmtree', 'shutil.copyfile',
               'os.utime', 'os.setxattr', 'os.removexattr'}

    def real(path):
        try:
            return os.path.realpath(os.fsdecode(os.fspath(path)))
        except (TypeError, ValueError):
            return None

    def inside(path, roots):
        return path is not None and any(
            path == r or path.startswith(r + os.sep) for r in roots)

    def foreign_proc(path):
        """Another process's /proc entry, or any process's memory."""
        parts = path.split('/')
        if len(parts) < 3 or parts[1] != 'proc' or not parts[2].isdigit():
            return False
        if 'mem' in parts[3:]:
            return True
        return parts[2] != own and not os.path.exists(
            f'/proc/{own}/task/{parts[2]}')

    def readable(path):
        if path is None:
            return False
        return not (inside(path, protect) or foreign_proc(path))

    def hook(event, args):
        if event in exact or event.startswith(prefixes):
            raise PermissionError(f'{event} is not allowed while grading')
        if event == 'import' and args:
            name = str(args[0])
            if name.split('.')[0] in REFUSED_IMPORTS or \
                    name in REFUSED_IMPORTS:
                raise PermissionError(f'importing {name} is not allowed '
                                      'while grading')
        elif event == 'open' and args and not isinstance(args[0], int):
            path, mode, flags = real(args[0]), args[1] or 'r', args[2] or 0
            writing = (any(c in str(mode) for c in writes)
                       or flags & (os.O_WRONLY | os.O_RDWR))
            if writing and not inside(path, [home, '/dev/null']):
                raise PermissionError('writing files is not allowed while '
                                      f'grading: {os.fsdecode(args[0])}')
            if not readable(path):
                raise PermissionError('reading grader files is not allowed')
            if path is None or os.path.isdir(path):
                raise PermissionError('opening folders is not allowed while '
                                      'grading')
        elif event in ('os.listdir', 'os.scandir') and args and \
                isinstance(args[0], (str, bytes, os.PathLike)):
            if not readable(real(args[0])):
                raise PermissionError('reading grader files is not allowed')
        elif event in changes and args:
            paths = args[:2] if event == 'os.rename' else args[:1]
            if not all(inside(real(p), [home]) for p in paths):
                raise PermissionError(f'{event} is not allowed while grading')

    sys.addaudithook(hook)
