"""The sandbox child's zygote and what it lets through.

The process :mod:`autograder.sandbox` starts imports the notebook's
modules once and, for each ``load``, forks a fresh worker
(``sandbox_child._worker``) that runs one graded function; learner code
never runs in the zygote. Replies from a worker are checked here
(:func:`check_reply`): only well-formed tagged JSON of bounded size reaches
the parent. Loaded by path in the child (:func:`sandbox_child.sibling`); it
imports nothing from the autograder package.
"""
import json
import os
import select
import signal
import time

NUMERIC_KINDS = 'biufc'       # array and scalar kinds that travel
KEEP_PRINTED = 2000           # characters of a learner's printing kept
# ------------------------------------------------ checking a worker's reply
MAX_REPLY = 256 * 2 ** 20     # bytes of one reply line
MAX_NODES = 200_000           # values in one reply (lists, dicts, scalars)
WIRE_TAGS = {'none', 'nd', 'np', 'bool', 'int', 'float', 'complex', 'str',
             'list', 'tuple', 'dict', 'kinput', 'kmake', 'kconfig',
             'dataset', 'keras', 'other'}


class BadReply(Exception):
    """A worker's reply the grader must not receive."""


def _need(ok, why):
    if not ok:
        raise BadReply(why)


def _check_wire(node, budget):
    """Raise BadReply unless `node` is well-formed tagged JSON; `budget`
    ([count]) bounds the number of values."""
    import numpy as np
    budget[0] -= 1
    _need(budget[0] >= 0, f'more than {MAX_NODES:,} values')
    _need(isinstance(node, dict) and node.get('t') in WIRE_TAGS,
          'an unknown value')
    tag = node['t']
    if tag in ('nd', 'np'):
        try:
            dtype = np.dtype(node['dtype'])
        except (TypeError, ValueError, KeyError):
            raise BadReply('an array of an unknown type') from None
        _need(dtype.kind in NUMERIC_KINDS, 'an array that is not numbers')
        shape = node.get('shape', []) if tag == 'nd' else []
        _need(isinstance(shape, list) and all(
            type(d) is int and 0 <= d < 2 ** 40 for d in shape),
            'an array with a malformed shape')
        text = node.get('b64')
        _need(isinstance(text, str) and len(text) % 4 == 0,
              'malformed array data')
        size = len(text) // 4 * 3 - text[-2:].count('=')
        _need(size == int(np.prod(shape, dtype=np.int64)) * dtype.itemsize,
              'array data that does not match its shape')
    elif tag in ('bool', 'int', 'float', 'str'):
        kinds = {'bool': (bool,), 'int': (int,), 'float': (int, float, str),
                 'str': (str,)}[tag]
        _need(isinstance(node.get('v'), kinds), f'a malformed {tag}')
    elif tag == 'complex':
        _need(isinstance(node.get('v'), list) and len(node['v']) == 2,
              'a malformed complex number')
    elif tag in ('list', 'tuple'):
        _need(isinstance(node.get('v'), list), f'a malformed {tag}')
        for item in node['v']:
            _check_wire(item, budget)
    elif tag == 'dict':
        _need(isinstance(node.get('v'), list), 'a malformed dict')
        for pair in node['v']:
            _need(isinstance(pair, list) and len(pair) == 2,
                  'a malformed dict')
            _check_wire(pair[0], budget)
            _check_wire(pair[1], budget)
    elif tag == 'dataset':
        _need(isinstance(node.get('spec'), str) and
              isinstance(node.get('take'), list), 'a malformed dataset')
        for item in node['take']:
            _check_wire(item, budget)
    elif tag == 'keras':
        _need(isinstance(node.get('summary'), dict) and
              type(node.get('handle')) is int, 'a malformed model')
    elif tag == 'kmake':
        _check_wire(node.get('kwargs'), budget)


def check_reply(reply, op):
    """Raise BadReply unless `reply` is what a worker sends for `op`."""
    _need(isinstance(reply, dict) and isinstance(reply.get('ok'), bool),
          'not a reply')
    printed = reply.get('stdout', {'printed': 0, 'head': ''})
    _need(isinstance(printed, dict) and type(printed.get('printed')) is int
          and isinstance(printed.get('head'), str)
          and len(printed['head']) <= KEEP_PRINTED, 'malformed output')
    budget = [MAX_NODES]
    if not reply['ok']:
        err = reply.get('error')
        _need(isinstance(err, dict) and isinstance(err.get('type'), str)
              and isinstance(err.get('message'), str)
              and isinstance(err.get('where', []), list), 'a malformed error')
        for where in err.get('where', []):
            _need(isinstance(where, dict) and type(where.get('line')) is int
                  and isinstance(where.get('func'), str)
                  and isinstance(where.get('code'), str),
                  'a malformed error')
        return
    if op == 'load':
        _need(isinstance(reply.get('defined'), bool) and
              isinstance(reply.get('callable'), bool), 'a malformed load')
    elif op == 'call':
        _check_wire(reply.get('value'), budget)
        _check_wire(reply.get('args_after'), budget)
        _need(isinstance(reply.get('type'), str) and
              type(reply.get('parts')) is int and
              isinstance(reply.get('aliases'), list) and all(
                  isinstance(p, list) and len(p) == 2 and
                  all(isinstance(x, str) for x in p)
                  for p in reply['aliases']), 'a malformed call result')
    elif op == 'run':
        _check_wire(reply.get('value'), budget)
        _need(isinstance(reply.get('summary'), dict), 'a malformed model')


def refused_reply(why):
    return {'ok': False, 'stdout': {'printed': 0, 'head': ''}, 'error': {
        'type': 'Refused', 'where': [], 'message':
        f'the grader refused what your code sent back ({why}) — return '
        'plain values (arrays, numbers, lists, dicts) and leave the '
        "grader's channel and functions alone"}}


# ------------------------------------------------------------ the zygote
def _wipe(home):
    """Empty the scratch folder, whatever modes its contents were given."""
    try:
        os.chmod(home, 0o700 | os.stat(home).st_mode & 0o7777)
    except OSError:
        pass      # not ours (an isolated child's tmpfs), its contents are
    for entry in os.scandir(home):
        try:
            if entry.is_dir(follow_symlinks=False):
                os.chmod(entry.path, 0o700)
                _wipe(entry.path)
                os.rmdir(entry.path)
            else:
                os.unlink(entry.path)
        except OSError:
            pass


class Zygote:
    """Reads the parent's commands and forks a fresh worker for each
    ``load``: learner code never runs in this process, and nothing one
    function's code leaves behind (threads, patched modules, stolen
    references, files) reaches the next. Replies are checked here and only
    well-formed ones, of bounded size, reach the parent; a worker that dies
    ends this process the same way, so the parent sees the same exit."""

    def __init__(self, reply_fd, worker):
        self.replies = os.fdopen(reply_fd, 'w', buffering=1)
        self.worker_main = worker   # worker(commands, replies, home)
        self.home = os.getcwd()
        self.count = 0
        self.worker = None         # (pid, command fd, reply fd, home)
        self.refused = None        # why the current function is refused
        self.preludes = set()

    def serve(self, stdin):
        for line in stdin:
            try:
                cmd = json.loads(line)
                op = cmd['op']
                sizes = cmd.get('blobs', [])
                if not all(type(n) is int and n >= 0 for n in sizes):
                    raise ValueError('malformed blob sizes')
                line += stdin.read(sum(sizes))   # raw arrays after the line
            except (ValueError, KeyError, TypeError):
                self._send({'ok': False, 'error': {
                    'type': 'Error', 'message': 'a broken command',
                    'where': []}, 'stdout': {'printed': 0, 'head': ''}})
                continue
            if op == 'warm':    # imports only: no worker, no learner code
                self._warm(cmd.get('prelude', ''))
                self._send({'ok': True, 'stdout': {'printed': 0, 'head': ''}})
                continue
            if op == 'load':
                self._stop()
                self._warm(cmd.get('prelude', ''))
                self._start()
            if self.refused is not None:
                reply = refused_reply(self.refused)
            elif self.worker is None:
                reply = {'ok': False, 'stdout': {'printed': 0, 'head': ''},
                         'error': {'type': 'Error', 'where': [],
                                   'message': 'no function is loaded'}}
            else:
                reply = self._ask(line, op)
            self._send(reply)
        self._stop()

    def _send(self, reply):
        self.replies.write(json.dumps(reply) + '\n')

    def _warm(self, prelude):
        """Import the notebook's modules once, here (TensorFlow takes
        seconds); workers inherit them."""
        if prelude and prelude not in self.preludes:
            self.preludes.add(prelude)
            try:
                exec(compile(prelude, '<imports>', 'exec'), {})
            except BaseException:  # noqa: B036 (the worker reports it)
                pass

    def _start(self):
        self.count += 1
        _wipe(self.home)      # nothing the last function left is seen
        cmd_read, cmd_write = os.pipe()
        rep_read, rep_write = os.pipe()
        pid = os.fork()
        if pid == 0:
            try:
                os.close(cmd_write)
                os.close(rep_read)
                os.close(self.replies.fileno())
                null = os.open(os.devnull, os.O_RDONLY)
                os.dup2(null, 0)
                os.close(null)
                self.worker_main(os.fdopen(cmd_read, 'rb'),
                        os.fdopen(rep_write, 'w'), self.home)
            finally:
                os._exit(0)
        os.close(cmd_read)
        os.close(rep_write)
        self.worker = (pid, cmd_write, rep_read)
        self.refused = None

    def _stop(self):
        if self.worker is None:
            return
        pid, cmd_fd, rep_fd = self.worker
        self.worker = None
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass
        os.waitpid(pid, 0)
        for fd in (cmd_fd, rep_fd):
            os.close(fd)

    def _ask(self, line, op):
        pid, cmd_fd, rep_fd = self.worker
        if select.select([rep_fd], [], [], 0)[0]:
            return self._refuse('it wrote to the grader outside a reply')
        try:
            view = memoryview(line)
            while view:
                view = view[os.write(cmd_fd, view):]
        except OSError:
            self._exit_like_worker()
        chunks, size = [], 0
        while True:
            chunk = os.read(rep_fd, 1 << 20)
            if not chunk:
                self._exit_like_worker()
            end = chunk.find(b'\n')
            if end >= 0:
                chunks.append(chunk[:end])
                if end + 1 < len(chunk):
                    return self._refuse('it wrote more than one reply')
                break
            chunks.append(chunk)
            size += len(chunk)
            if size > MAX_REPLY:
                return self._refuse(f'over {MAX_REPLY // 2 ** 20} MB')
        try:
            reply = json.loads(b''.join(chunks))
            check_reply(reply, op)
        except BadReply as err:
            return self._refuse(str(err))
        except (ValueError, RecursionError, MemoryError):
            return self._refuse('not a reply')
        return reply

    def _refuse(self, why):
        self._stop()
        self.refused = why
        return refused_reply(why)

    def _exit_like_worker(self):
        """The worker died: end this process with its status."""
        pid = self.worker[0]
        deadline = time.monotonic() + 2
        while True:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done or time.monotonic() > deadline:
                break
            time.sleep(0.01)
        if not done:     # it closed its channel but lives on
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            status = 1 << 8
        if os.WIFSIGNALED(status):
            sig = os.WTERMSIG(status)
            signal.signal(sig, signal.SIG_DFL)
            os.kill(os.getpid(), sig)
            os._exit(128 + sig)
        os._exit(os.waitstatus_to_exitcode(status) if os.WIFEXITED(status)
                 else 1)
