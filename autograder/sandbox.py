"""Run one learner function in a fresh, resource-limited child process.

A :class:`Sandbox` owns one child (``sandbox_child.py``) for one graded
function: it loads the imports, our references for the notebook's other
graded functions and the learner's cell, then answers calls. Time limits are
enforced here, in the parent: a call that overruns kills the child's process
group, and later calls report the same failure without starting another one.

Where the machine allows it (:mod:`autograder.isolation`), the child runs
under bubblewrap as an unprivileged uid in new namespaces, seeing only
Python, the venv and ``shared_utils``; its scratch folder is then a private
tmpfs that vanishes with it. Elsewhere it runs as today, as this user.
"""
import json
import os
import resource
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from typing import NamedTuple

from . import isolation, isolation_seccomp
from . import sandbox_child as wire

CHILD = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                     'sandbox_child.py')


class Limits:
    """Resource limits for one child (seconds, bytes).

    `processes` (tasks, threads included, of the sandbox's own uid) and
    `disk` (its private tmpfs) apply when the child is isolated.
    `import_s` bounds the notebook's imports, done once per child before
    the first load (no learner code runs then); `load_s` the load itself.
    """

    def __init__(self, load_s=20.0, call_s=10.0, memory=4 * 2 ** 30,
                 cpu_s=120, file_size=16 * 2 ** 20, processes=256,
                 disk=128 * 2 ** 20, import_s=120.0):
        self.load_s, self.call_s, self.import_s = load_s, call_s, import_s
        self.memory, self.cpu_s, self.file_size = memory, cpu_s, file_size
        self.processes, self.disk = processes, disk


class Outcome(NamedTuple):
    """What one call of a learner's (or our) function gave back."""
    value: object
    args_after: object
    type: str = ''
    aliases: list = []     # [(path_a, path_b)]: one object in two places
    parts: int = 0         # mutable parts (arrays, lists, dicts) returned


class SandboxError(Exception):
    """The learner's code failed; ``info`` is the child's error record."""

    def __init__(self, info):
        super().__init__(info.get('message', ''))
        self.info = info


def _preexec(limits, isolated):
    def apply():
        os.setsid()
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_AS, (limits.memory, limits.memory))
        resource.setrlimit(resource.RLIMIT_CPU, (limits.cpu_s, limits.cpu_s))
        resource.setrlimit(resource.RLIMIT_FSIZE,
                           (limits.file_size, limits.file_size))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        if isolated:   # counted for the sandbox's own uid (root is exempt)
            resource.setrlimit(resource.RLIMIT_NPROC,
                               (limits.processes, limits.processes))
    return apply


def _environment(home):
    return {'PATH': os.environ.get('PATH', '/usr/bin:/bin'),
            'HOME': home, 'MPLBACKEND': 'Agg', 'LANG': 'C.UTF-8',
            'OMP_NUM_THREADS': '1', 'OPENBLAS_NUM_THREADS': '1',
            'MKL_NUM_THREADS': '1', 'PYTHONHASHSEED': '0',
            'TF_CPP_MIN_LOG_LEVEL': '3', 'PYTHONWARNINGS': 'ignore'}


class Sandbox:
    """One child process, loaded with one learner function."""

    def __init__(self, limits=None):
        self.limits = limits or Limits()
        self._imported = set()      # preludes the child has imported
        self.isolated = isolation.for_sandbox().isolated
        if self.isolated:     # scratch: a tmpfs inside, nothing out here
            self.home = None
            self.uid = isolation.sandbox_uid()
            seccomp = isolation_seccomp.memfd()
            argv = isolation.command([sys.executable, '-I', isolation.CHILD],
                                     self.uid, self.limits.disk, seccomp)
            cwd, env = '/', _environment(isolation.HOME)
        else:
            self.home = tempfile.mkdtemp(prefix='dls-sandbox-')
            self.uid = os.getuid()
            argv = [sys.executable, '-I', CHILD]
            cwd, env = self.home, _environment(self.home)
            seccomp = None
        try:
            self.proc = subprocess.Popen(
                argv, cwd=cwd, env=env,
                stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                pass_fds=() if seccomp is None else (seccomp,),
                preexec_fn=_preexec(self.limits, self.isolated))
        finally:
            if seccomp is not None:
                os.close(seccomp)
        self.dead = None          # why the child can no longer answer
        self._warming = None      # when an unanswered 'warm' was sent
        self.buffer = b''
        self.printed = 0
        self.printed_head = ''

    # ------------------------------------------------------------ protocol
    def _ask(self, command, timeout, blobs=()):
        """Send one command (its big arrays, `blobs`, as raw bytes after
        its line: see wire.encode) and wait for the reply."""
        self._send(command, blobs)
        return self._receive(timeout)

    def _send(self, command, blobs=()):
        if self.dead:
            raise SandboxError(self.dead)
        if blobs:
            command = dict(command, blobs=[b.nbytes for b in blobs])
        try:
            self.proc.stdin.write((json.dumps(command) + '\n').encode())
            for blob in blobs:
                self.proc.stdin.write(blob)
            self.proc.stdin.flush()
        except (BrokenPipeError, OSError):
            self._died('exited')

    def _receive(self, timeout):
        deadline = time.monotonic() + timeout
        fd = self.proc.stdout.fileno()
        while b'\n' not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                return self._died('timeout', timeout)
            ready, _, _ = select.select([fd], [], [], left)
            if ready:
                chunk = os.read(fd, 1 << 20)
                if not chunk:
                    return self._died('exited')
                self.buffer += chunk
        line, self.buffer = self.buffer.split(b'\n', 1)
        reply = json.loads(line)
        printed = reply.get('stdout', {})
        self.printed += printed.get('printed', 0)
        if len(self.printed_head) < wire.KEEP_PRINTED:
            self.printed_head += printed.get('head', '')
        return reply

    def _died(self, why, timeout=None):
        self.kill()
        code = self.proc.returncode
        if self.isolated and code is not None and code > 128:
            try:           # bwrap reports a signal as 128 + its number
                code = -signal.Signals(code - 128)
            except ValueError:
                pass
        if why == 'timeout':
            info = {'type': 'Timeout', 'message': f'no answer within '
                    f'{timeout:g} s', 'where': []}
        elif code is not None and code < 0:
            sig = signal.Signals(-code).name
            kind = 'CPU time limit' if sig == 'SIGXCPU' else sig
            info = {'type': 'Crash', 'message': f'the process was killed '
                    f'({kind})', 'where': []}
        else:
            info = {'type': 'Exit', 'message': f'the process exited (code '
                    f'{code}) — os._exit() or a crash', 'where': []}
        self.dead = info
        raise SandboxError(info)

    # ----------------------------------------------------------------- API
    def warm(self, prelude):
        """Start importing the notebook's modules (ours, the master's import
        cell: no learner code) and return at once; :meth:`load` waits for
        them (sandbox_pool.py starts the next learner's child this way)."""
        if prelude not in self._imported:
            self._imported.add(prelude)
            self._send({'op': 'warm', 'prelude': prelude})
            self._warming = time.monotonic()

    def load(self, name, prelude, refs, cell, protect=()):
        """Define `name` from the learner's `cell`; return the reply."""
        self.warm(prelude)                  # TensorFlow takes seconds
        if self._warming is not None:       # (more on a busy machine)
            left = self.limits.import_s - (time.monotonic() - self._warming)
            self._warming = None
            warm = self._receive(max(left, 1.0))
            if not warm.get('ok'):
                return warm
        return self._ask({'op': 'load', 'name': name, 'prelude': prelude,
                          'refs': list(refs), 'cell': cell,
                          'protect': list(protect)}, self.limits.load_s)

    def call(self, args=(), kwargs=None, seed=None, post=None, timeout=None,
             tensors=False, rebind=None):
        """Call the loaded function.

        `rebind` ({name: source}) swaps one of the other graded functions
        for the one `source` defines, for this call only.

        Returns:
            :class:`Outcome`: the decoded result, the arguments as the call
            left them, the result's type name and its aliased parts.
        """
        blobs = []
        reply = self._ask({'op': 'call',
                           'args': wire.encode(tuple(args), blobs=blobs),
                           'kwargs': wire.encode(dict(kwargs or {}),
                                                 blobs=blobs),
                           'seed': seed, 'post': post, 'tensors': tensors,
                           'rebind': rebind},
                          timeout or self.limits.call_s, blobs)
        if not reply['ok']:
            raise SandboxError(reply['error'])
        return Outcome(wire.decode(reply['value']),
                       wire.decode(reply['args_after']),
                       reply.get('type', ''),
                       [tuple(p) for p in reply.get('aliases', [])],
                       int(reply.get('parts', 0)))

    def run_model(self, handle, inputs, kwargs=None, weights=None,
                  timeout=None):
        """Run a Keras model/layer the learner's function returned.

        Returns:
            (outputs, summary): decoded outputs and the object's summary
            after the call (built, with its weights).
        """
        blobs = []
        reply = self._ask({'op': 'run', 'handle': handle,
                           'inputs': wire.encode(list(inputs), blobs=blobs),
                           'kwargs': wire.encode(dict(kwargs or {}),
                                                 blobs=blobs),
                           'weights': wire.encode(weights, blobs=blobs)},
                          timeout or self.limits.call_s, blobs)
        if not reply['ok']:
            raise SandboxError(reply['error'])
        return wire.decode(reply['value']), reply['summary']

    def kill(self):
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
        self.proc.wait()

    def close(self):
        # the child keeps nothing worth a clean exit (its home goes below),
        # and TensorFlow's own teardown takes about a second: kill it
        try:
            self.proc.stdin.close()
        except OSError:
            pass
        self.kill()
        self.proc.stdout.close()
        if self.isolated:   # its processes (and tmpfs home) end just after
            isolation.wait_gone(self.uid)
        if self.home:
            shutil.rmtree(self.home, ignore_errors=True)
