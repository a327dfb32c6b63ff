"""The grading sandbox's child process, and the wire format both sides use.

Run as a script (``python -I sandbox_child.py``) by :mod:`autograder.sandbox`.
It imports nothing from the autograder package, so a learner's code running
here cannot reach the hidden checks or the reference for the function under
test. Protocol: one JSON command per line on stdin, one JSON reply per line
on a private copy of the original stdout; fd 1 and 2 go to a capped log file
and ``sys.stdout`` to a counting buffer, so printing cannot corrupt replies.

The process the parent starts is a *zygote* (:class:`Zygote`): it imports
the notebook's modules once and, for each ``load``, forks a fresh *worker*
that loads the references, installs the guard (:func:`_install_guard`) and
only then runs the learner's cell. Learner code never runs in the zygote,
so nothing one function leaves behind (a thread, a patched module, a
reference it kept) reaches the next; the zygote empties the scratch folder
between workers and passes on only well-formed replies of bounded size
(:func:`check_reply`).

Commands::

    {"op": "load", "prelude": str, "refs": [str], "cell": str, "name": str,
     "protect": [paths]}                 -> {"ok": bool, ...}
    {"op": "call", "args": wire, "kwargs": wire, "seed": int|None,
     "post": str|None}                   -> {"ok": bool, "value": wire, ...}

Values travel as tagged JSON (see :func:`encode`), never as pickles: the
parent must not run code the child chose.
"""
import base64
import io
import json
import linecache
import math
import os
import select
import signal
import sys
import time
import traceback

CELL = '<graded cell>'
NUMERIC_KINDS = 'biufc'
MAX_ARRAY_BYTES = 64 * 2 ** 20
KEEP_PRINTED = 2000


# ---------------------------------------------------------------- wire format
def keras_wire():
    """The keras_wire module beside this file (by path in the child)."""
    module = sys.modules.get('autograder.keras_wire') or \
        sys.modules.get('keras_wire')
    if module is None:
        import importlib.util
        path = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                            'keras_wire.py')
        spec = importlib.util.spec_from_file_location('keras_wire', path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        sys.modules['keras_wire'] = module
    return module


class KerasInput:
    """An argument the receiving side turns into ``keras.Input(shape)``."""
    keras_marker = 'input'

    def __init__(self, shape, dtype='float32'):
        self.shape, self.dtype = [int(d) for d in shape], dtype


class KerasMake:
    """An argument made on the receiving side:
    ``keras.<module>.<name>(**kwargs)`` (e.g. an initializer)."""
    keras_marker = 'make'

    def __init__(self, module, name, **kwargs):
        self.module, self.name, self.kwargs = module, name, kwargs


class DatasetSample:
    """A tf.data.Dataset as data: its element spec and first elements
    (tuples of arrays), to compare with ours."""

    def __init__(self, spec, take):
        self.spec, self.take = spec, take
        self.type_name = 'Dataset'

    def __repr__(self):
        return f'<Dataset {self.spec}>'


class KerasSummary:
    """A Keras model or layer that stayed in the process that built it:
    its summary (plain data, see keras_wire) and a handle to run it."""

    def __init__(self, summary, handle):
        self.summary, self.handle = summary, handle
        self.type_name = summary.get('class', 'Layer')

    def __repr__(self):
        return f'<{self.type_name} summary>'


def encode(value, depth=0):
    """Turn a result into JSON-safe data that keeps the exact types."""
    import numpy as np
    if depth > 20:
        return {'t': 'other', 'type': 'too deeply nested'}
    if value is None:
        return {'t': 'none'}
    if getattr(value, 'keras_marker', None) == 'input':
        return {'t': 'kinput', 'shape': value.shape, 'dtype': value.dtype}
    if getattr(value, 'keras_marker', None) == 'make':
        return {'t': 'kmake', 'module': value.module, 'name': value.name,
                'kwargs': encode(value.kwargs, depth + 1)}
    if isinstance(value, KerasSummary):
        return {'t': 'keras', 'summary': value.summary,
                'handle': value.handle}
    if 'keras' in sys.modules and keras_wire().is_keras_config(value):
        return {'t': 'kconfig', 'v': keras_wire().config_summary(value)}
    if _is_dataset(value):
        return {'t': 'dataset', 'spec': str(value.element_spec)[:2000],
                'take': [encode(item, depth + 1)
                         for item in value.take(DATASET_TAKE)]}
    if _is_keras_object(value):
        kw = keras_wire()
        return {'t': 'keras', 'summary': kw.summarize(value),
                'handle': kw.keep(value)}
    if _is_tensor(value):   # tf.Tensor / tf.Variable: their values
        value = value.numpy()
    if isinstance(value, np.ndarray):
        if (value.dtype.kind not in NUMERIC_KINDS
                or value.nbytes > MAX_ARRAY_BYTES):
            return {'t': 'other', 'type': f'ndarray[{value.dtype}]',
                    'shape': list(value.shape)}
        data = np.require(value, requirements='C')   # keeps 0-d arrays 0-d
        return {'t': 'nd', 'dtype': data.dtype.str, 'shape': list(data.shape),
                'b64': base64.b64encode(data.tobytes()).decode()}
    if isinstance(value, np.generic) and value.dtype.kind in NUMERIC_KINDS:
        return {'t': 'np', 'dtype': value.dtype.str,
                'b64': base64.b64encode(value.tobytes()).decode()}
    for kind, tag in ((bool, 'bool'), (int, 'int'), (float, 'float')):
        if type(value) is kind:
            return {'t': tag, 'v': value if tag != 'float' else _float(value)}
    if type(value) is complex:
        return {'t': 'complex', 'v': [_float(value.real), _float(value.imag)]}
    if type(value) is str:
        return {'t': 'str', 'v': value[:10000]}
    if type(value) in (list, tuple):
        return {'t': type(value).__name__,
                'v': [encode(v, depth + 1) for v in value]}
    if type(value) is dict:
        return {'t': 'dict', 'v': [[encode(k, depth + 1), encode(v, depth + 1)]
                                   for k, v in value.items()]}
    return {'t': 'other', 'type': type(value).__name__}


def aliases(value, limit=200):
    """Pairs of places in a result that hold one object or share memory.

    Returns:
        (pairs, parts): pairs is a list of [path_a, path_b] strings such as
        ``['[0]', '[1]']`` (the first and second item are one dict);
        parts is how many mutable parts (arrays, lists, dicts) were found.
    """
    import numpy as np
    seen, pairs = [], []

    def walk(obj, path, depth):
        if depth > 6 or len(seen) > limit:
            return
        if isinstance(obj, (np.ndarray, list, dict)):
            for other_path, other in seen:
                same = other is obj or (
                    isinstance(obj, np.ndarray) and
                    isinstance(other, np.ndarray) and obj.size and
                    other.size and np.may_share_memory(obj, other))
                if same:
                    pairs.append([other_path, path])
            seen.append((path, obj))
        if isinstance(obj, (list, tuple)):
            for i, item in enumerate(obj):
                walk(item, f'{path}[{i}]', depth + 1)
        elif isinstance(obj, dict):
            for key, item in list(obj.items())[:limit]:
                walk(item, f'{path}[{key!r}]', depth + 1)

    walk(value, '', 0)
    return pairs, len(seen)


class rebound:
    """Within ``with``: names in `globals_` replaced by the functions that
    the given sources define (a deliberately wrong dependency for one
    check), restored afterwards."""

    def __init__(self, globals_, sources):
        self.globals, self.sources, self.saved = globals_, sources or {}, {}

    def __enter__(self):
        for name, src in self.sources.items():
            scope = dict(self.globals)
            exec(compile(src, f'<rebound {name}>', 'exec'), scope)
            self.saved[name] = self.globals.get(name)
            self.globals[name] = scope[name]
        return self

    def __exit__(self, *exc):
        self.globals.update(self.saved)
        return False


def _is_tensor(value):
    module = type(value).__module__ or ''
    return module.startswith(('tensorflow', 'keras')) and \
        hasattr(value, 'numpy')


DATASET_TAKE = 3   # elements of a tf.data.Dataset sent back


def _is_dataset(value):
    module = type(value).__module__ or ''
    return module.startswith('tensorflow') and \
        hasattr(value, 'element_spec') and hasattr(value, 'take')


def _is_keras_object(value):
    return 'keras' in sys.modules and keras_wire().is_keras(value)


def _tensors(args):
    """numpy arrays -> tf.constant, for functions that take tensors."""
    import numpy as np
    import tensorflow as tf
    return [tf.constant(a) if isinstance(a, np.ndarray) else a
            for a in args]


def call_function(fn, args, kwargs, rebind, globals_):
    """Call `fn` as graded: Keras markers made real, a result computed from
    ``keras.Input`` arguments turned into a Model. Returns (args, kwargs,
    value)."""
    markers = any(getattr(a, 'keras_marker', None) for a in
                  list(args) + list(kwargs.values()))
    if markers:
        kw = keras_wire()
        args, kwargs = kw.materialize(tuple(args)), kw.materialize(kwargs)
        inputs = kw.symbolic_inputs(args, kwargs)
    with rebound(globals_, rebind):
        value = fn(*args, **kwargs)
    if markers and inputs:
        value = kw.as_model(value, inputs)
    return args, kwargs, value


def _float(x):
    return x if math.isfinite(x) else repr(x)


def decode(data):
    """Inverse of :func:`encode`; unknown objects become :class:`Opaque`."""
    import numpy as np
    tag = data['t']
    if tag == 'none':
        return None
    if tag == 'nd' or tag == 'np':
        dtype = np.dtype(data['dtype'])
        if dtype.kind not in NUMERIC_KINDS:
            raise ValueError('refused dtype from sandbox')
        raw = base64.b64decode(data['b64'])
        if tag == 'np':
            return np.frombuffer(raw, dtype=dtype)[0]
        return np.frombuffer(raw, dtype=dtype).reshape(data['shape']).copy()
    if tag == 'bool':
        return bool(data['v'])
    if tag == 'int':
        return int(data['v'])
    if tag == 'float':
        return float(data['v'])
    if tag == 'complex':
        return complex(float(data['v'][0]), float(data['v'][1]))
    if tag == 'str':
        return str(data['v'])
    if tag in ('list', 'tuple'):
        items = [decode(v) for v in data['v']]
        return items if tag == 'list' else tuple(items)
    if tag == 'dict':
        return {decode(k): decode(v) for k, v in data['v']}
    if tag == 'kinput':
        return KerasInput(data['shape'], str(data['dtype']))
    if tag == 'kmake':
        return KerasMake(str(data['module']), str(data['name']),
                         **decode(data['kwargs']))
    if tag == 'kconfig':
        return {'class': str(data['v']['class']), 'config': data['v']['config']}
    if tag == 'dataset':
        return DatasetSample(str(data['spec']),
                             [decode(item) for item in data['take']])
    if tag == 'keras':
        return KerasSummary(data['summary'], int(data['handle']))
    return Opaque(str(data.get('type', '?')), data.get('shape'))


class Opaque:
    """A value the sandbox could not send back (a model, a generator, ...)."""

    def __init__(self, type_name, shape=None):
        self.type_name, self.shape = type_name, shape

    def __repr__(self):
        return f'<{self.type_name} object>'


# ------------------------------------------------------------------- the child
class _CountingOut(io.TextIOBase):
    """sys.stdout for learner code: keeps the first characters, counts all."""

    def __init__(self):
        self.kept, self.count = [], 0

    def write(self, text):
        text = str(text)
        if self.count < KEEP_PRINTED:
            self.kept.append(text[:KEEP_PRINTED - self.count])
        self.count += len(text)
        return len(text)

    def take(self):
        out = {'printed': self.count, 'head': ''.join(self.kept)}
        self.kept, self.count = [], 0
        return out


def _error(err, name):
    frames = [f for f in traceback.extract_tb(err.__traceback__)
              if f.filename == CELL]
    where = [{'line': f.lineno, 'func': f.name, 'code': (f.line or '')[:200]}
             for f in frames[-3:]]
    message = str(err)[:600] if not isinstance(err, SystemExit) else repr(err)
    if isinstance(err, SyntaxError):
        where = [{'line': err.lineno or 0, 'func': name,
                  'code': (err.text or '').strip()[:200]}]
        message = err.msg
    return {'type': type(err).__name__, 'message': message, 'where': where}


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


def _install_guard(protect, home):
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


# ------------------------------------------------------------ the worker
def _worker(commands, replies, home):
    """Serve one graded function: the first command loads it, the next ones
    call it. Runs in a fresh fork of the zygote; learner code runs only
    here, and only after the guard is installed."""
    import numpy as np
    out = _CountingOut()
    sys.stdout = sys.stderr = out
    ns, name, guarded = {'__name__': '__graded__'}, None, False
    for line in commands:
        cmd = json.loads(line)
        reply = {'ok': True}
        try:
            if cmd['op'] == 'load':
                name = cmd['name']
                exec(compile(cmd['prelude'], '<imports>', 'exec'), ns)
                for src in cmd['refs']:
                    exec(compile(src, '<reference>', 'exec'), ns)
                if not guarded:
                    _install_guard(cmd.get('protect', []), home)
                    guarded = True
                lines = cmd['cell'].splitlines(True)
                linecache.cache[CELL] = (len(cmd['cell']), None, lines, CELL)
                try:
                    exec(compile(cmd['cell'], CELL, 'exec'), ns)
                except BaseException as err:  # noqa: B036 (SystemExit too)
                    reply = {'ok': False, 'error': _error(err, name)}
                fn = ns.get(name)
                reply['defined'] = fn is not None
                reply['callable'] = callable(fn)
            elif cmd['op'] == 'run':
                try:
                    reply['value'] = encode(keras_wire().run(
                        keras_wire().STORE[cmd['handle']],
                        decode(cmd['inputs']), decode(cmd['kwargs']),
                        decode(cmd['weights'])))
                    reply['summary'] = keras_wire().summarize(
                        keras_wire().STORE[cmd['handle']])
                except BaseException as err:  # noqa: B036
                    reply = {'ok': False, 'error': _error(err, name)}
            elif cmd['op'] == 'call':
                args = decode(cmd['args'])
                kwargs = decode(cmd['kwargs'])
                if cmd.get('tensors'):
                    args = tuple(_tensors(args))
                if cmd.get('seed') is not None:
                    np.random.seed(cmd['seed'])
                try:
                    args, kwargs, value = call_function(
                        ns[name], args, kwargs, cmd.get('rebind'), ns)
                    if cmd.get('post'):
                        post_ns = {}
                        exec(cmd['post'], post_ns)
                        value = post_ns['post'](value)
                    reply['value'] = encode(value)
                    reply['type'] = type(value).__name__
                    reply['args_after'] = encode(list(args))
                    reply['aliases'], reply['parts'] = aliases(value)
                except BaseException as err:  # noqa: B036
                    reply = {'ok': False, 'error': _error(err, name)}
        except BaseException as err:  # noqa: B036 (a broken command)
            reply = {'ok': False, 'error': _error(err, name)}
        reply['stdout'] = out.take()
        replies.write(json.dumps(reply) + '\n')
        replies.flush()


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

    def __init__(self, reply_fd):
        self.replies = os.fdopen(reply_fd, 'w', buffering=1)
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
            except (ValueError, KeyError, TypeError):
                self._send({'ok': False, 'error': {
                    'type': 'Error', 'message': 'a broken command',
                    'where': []}, 'stdout': {'printed': 0, 'head': ''}})
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
                _worker(os.fdopen(cmd_read, 'rb'),
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


def main():
    reply_fd = os.dup(1)
    log = os.open('printed.log', os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.unlink('printed.log')   # kept open, out of the workers' sight
    os.dup2(log, 1)
    os.dup2(log, 2)
    os.close(log)
    sys.stdout = sys.stderr = _CountingOut()
    import numpy as np  # noqa: F401  (warm the import before timing starts)
    import _posixsubprocess  # noqa: F401  (so workers can stub fork_exec)
    keras_wire()   # read before the guard hides the grader's folder
    Zygote(reply_fd).serve(sys.stdin.buffer)


if __name__ == '__main__':
    main()
