"""The grading sandbox's child process, and the wire format both sides use.

Run as a script (``python -I sandbox_child.py``) by :mod:`autograder.sandbox`.
It imports nothing from the autograder package, so a learner's code running
here cannot reach the hidden checks or the reference for the function under
test. Protocol: one JSON command per line on stdin, one JSON reply per line
on a private copy of the original stdout; fd 1 and 2 go to a capped log file
and ``sys.stdout`` to a counting buffer, so printing cannot corrupt replies.

The process the parent starts is a *zygote* (``sandbox_zygote.Zygote``):
it imports the notebook's modules once and, for each ``load``, forks a
fresh *worker* (:func:`_worker`) that loads the references, installs the
guard (``sandbox_guard.install``) and only then runs the learner's cell.
Learner code never runs in the zygote, so nothing one function leaves
behind (a thread, a patched module, a reference it kept) reaches the next;
the zygote empties the scratch folder between workers and passes on only
well-formed replies of bounded size (``sandbox_zygote.check_reply``).

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
import sys
import traceback

CELL = '<graded cell>'
MAX_ARRAY_BYTES = 64 * 2 ** 20
BLOB_BYTES = 2 ** 16      # arrays this big travel as raw bytes in commands


# ---------------------------------------------------------------- wire format
def sibling(name):
    """The module `name` beside this file: loaded by path in the child
    (``python -I`` puts no package on the path), the package's own in the
    grader."""
    import importlib
    if __package__:
        return importlib.import_module(f'{__package__}.{name}')
    module = sys.modules.get('autograder.' + name) or sys.modules.get(name)
    if module is None:
        import importlib.util
        path = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                            name + '.py')
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        sys.modules[name] = module
    return module


def keras_wire():
    """The keras_wire module (Keras values on the wire)."""
    return sibling('keras_wire')


NUMERIC_KINDS = sibling('sandbox_zygote').NUMERIC_KINDS
KEEP_PRINTED = sibling('sandbox_zygote').KEEP_PRINTED


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


def encode(value, depth=0, blobs=None):
    """Turn a result into JSON-safe data that keeps the exact types.

    With a list `blobs`, arrays of BLOB_BYTES or more travel beside the JSON
    as raw bytes (appended to `blobs`, named by index): the grader's
    commands carry whole models' weights, which base64 would triple in time.
    """
    import numpy as np
    if depth > 20:
        return {'t': 'other', 'type': 'too deeply nested'}
    if value is None:
        return {'t': 'none'}
    if getattr(value, 'keras_marker', None) == 'input':
        return {'t': 'kinput', 'shape': value.shape, 'dtype': value.dtype}
    if getattr(value, 'keras_marker', None) == 'make':
        return {'t': 'kmake', 'module': value.module, 'name': value.name,
                'kwargs': encode(value.kwargs, depth + 1, blobs)}
    if isinstance(value, KerasSummary):
        return {'t': 'keras', 'summary': value.summary,
                'handle': value.handle}
    if 'keras' in sys.modules and keras_wire().is_keras_config(value):
        return {'t': 'kconfig', 'v': keras_wire().config_summary(value)}
    if _is_dataset(value):
        return {'t': 'dataset', 'spec': str(value.element_spec)[:2000],
                'take': [encode(item, depth + 1, blobs)
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
        if blobs is not None and data.nbytes >= BLOB_BYTES:
            blobs.append(data.reshape(-1).view(np.uint8))
            return {'t': 'nd', 'dtype': data.dtype.str,
                    'shape': list(data.shape), 'blob': len(blobs) - 1}
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
                'v': [encode(v, depth + 1, blobs) for v in value]}
    if type(value) is dict:
        return {'t': 'dict', 'v': [[encode(k, depth + 1, blobs),
                                    encode(v, depth + 1, blobs)]
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

    active = {}     # the sources of the innermost rebinding under way

    def __init__(self, globals_, sources):
        self.globals, self.sources, self.saved = globals_, sources or {}, {}

    def __enter__(self):
        self.outer, rebound.active = rebound.active, self.sources
        for name, src in self.sources.items():
            scope = dict(self.globals)
            exec(compile(src, f'<rebound {name}>', 'exec'), scope)
            self.saved[name] = self.globals.get(name)
            self.globals[name] = scope[name]
        return self

    def __exit__(self, *exc):
        self.globals.update(self.saved)
        rebound.active = self.outer
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


def _has_marker(value, depth=0):
    """A Keras marker in `value` or, a level or two down, in the tuples,
    lists and dicts it holds (C4_W3A1's yolo_eval takes a tuple of
    tensors)."""
    if getattr(value, 'keras_marker', None):
        return True
    if depth < 2 and isinstance(value, (list, tuple)):
        return any(_has_marker(v, depth + 1) for v in value)
    if depth < 2 and isinstance(value, dict):
        return any(_has_marker(v, depth + 1) for v in value.values())
    return False


def call_function(fn, args, kwargs, rebind, globals_):
    """Call `fn` as graded: Keras markers made real, a result computed from
    ``keras.Input`` arguments turned into a Model. Returns (args, kwargs,
    value)."""
    markers = any(_has_marker(a) for a in list(args) + list(kwargs.values()))
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


def decode(data, blobs=()):
    """Inverse of :func:`encode`; unknown objects become :class:`Opaque`."""
    import numpy as np
    tag = data['t']
    if tag == 'none':
        return None
    if tag == 'nd' or tag == 'np':
        dtype = np.dtype(data['dtype'])
        if dtype.kind not in NUMERIC_KINDS:
            raise ValueError('refused dtype from sandbox')
        # blobs come only with the grader's commands, never in replies
        raw = (blobs[data['blob']] if blobs and 'blob' in data
               else base64.b64decode(data['b64']))
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
        items = [decode(v, blobs) for v in data['v']]
        return items if tag == 'list' else tuple(items)
    if tag == 'dict':
        return {decode(k, blobs): decode(v, blobs) for k, v in data['v']}
    if tag == 'kinput':
        return KerasInput(data['shape'], str(data['dtype']))
    if tag == 'kmake':
        return KerasMake(str(data['module']), str(data['name']),
                         **decode(data['kwargs'], blobs))
    if tag == 'kconfig':
        return {'class': str(data['v']['class']), 'config': data['v']['config']}
    if tag == 'dataset':
        return DatasetSample(str(data['spec']),
                             [decode(item, blobs) for item in data['take']])
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
        blobs = [commands.read(n) for n in cmd.get('blobs', [])]
        reply = {'ok': True}
        try:
            if cmd['op'] == 'load':
                name = cmd['name']
                exec(compile(cmd['prelude'], '<imports>', 'exec'), ns)
                for src in cmd['refs']:
                    exec(compile(src, '<reference>', 'exec'), ns)
                if not guarded:
                    sibling('sandbox_guard').install(
                        cmd.get('protect', []), home)
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
                        decode(cmd['inputs'], blobs),
                        decode(cmd['kwargs'], blobs),
                        decode(cmd['weights'], blobs)))
                    reply['summary'] = keras_wire().summarize(
                        keras_wire().STORE[cmd['handle']])
                except BaseException as err:  # noqa: B036
                    reply = {'ok': False, 'error': _error(err, name)}
            elif cmd['op'] == 'call':
                args = decode(cmd['args'], blobs)
                kwargs = decode(cmd['kwargs'], blobs)
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
    for name in ('keras_wire', 'sandbox_guard'):
        sibling(name)   # read before the guard hides the grader's folder
    zygote = sibling('sandbox_zygote').Zygote(reply_fd, _worker)
    zygote.serve(sys.stdin.buffer)


if __name__ == '__main__':
    main()
