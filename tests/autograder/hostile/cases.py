"""The hostile learners: one :class:`~hostile.kit.Case` each, by family.

Each thinks like a learner who wants the points without the work, or wants
to break the grading of others. Sources use ``@NAME@`` placeholders
(:func:`hostile.kit.placeholders`): paths of this run's course, exchange and
repository, the run's token (in every file or process an attack tries to
leave behind) and the ports of the test's listeners.

``wrap`` attacks run when the cell loads, with errors swallowed, and are
followed by our correct solution: that function deserves full marks and the
attack must change nothing. ``cells`` attacks score only through what they
steal: they must get nothing, with a clear message.
"""
import json
import os
import shutil

from .kit import A1, A2, Case, deserved

NOT_ALLOWED = ('not allowed', 'PermissionError', 'FileNotFoundError',
               'could not run', 'raised')
FAILED = NOT_ALLOWED + ('refused', 'killed', 'exited', 'no answer',
                        'malformed', 'could not be checked', 'expected',
                        'Memory', 'memory')

FROM_MASTER = '''
def _from_master(text, name):
    import json
    for cell in json.loads(text)['cells']:
        src = cell['source']
        src = ''.join(src) if isinstance(src, list) else src
        if 'GRADED FUNCTION: ' + name in src:
            return src
    raise LookupError(name)
'''

READ_DIRFD = '''
def _read_at(folder, relative):
    import os
    fd = os.open(folder, os.O_RDONLY)
    g = os.open(relative, os.O_RDONLY, dir_fd=fd)
    chunks = []
    while True:
        chunk = os.read(g, 1 << 20)
        if not chunk:
            return b''.join(chunks)
        chunks.append(chunk)
'''

WRITE_DIRFD = '''
def _write_at(folder, relative, data, flags=0):
    import os
    fd = os.open(folder, os.O_RDONLY)
    g = os.open(relative, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | flags,
                0o644, dir_fd=fd)
    os.write(g, data)
    os.close(g)
'''

FORK_EXEC = '''
import _posixsubprocess, os
r, w = os.pipe()
_posixsubprocess.fork_exec(
    [b'/bin/sh', b'-c', COMMAND, b'@TOKEN@'], [b'/bin/sh'], True, (w,),
    None, None, -1, -1, -1, -1, -1, -1, r, w, False, SETSID, -1, None,
    None, None, -1, None, False)
os.close(w)
os.read(r, 100)
import time
time.sleep(0.5)
'''

LIBC_SYSTEM = r'''
import ctypes, struct
def _libc():
    for line in open('/proc/self/maps'):
        parts = line.split()
        if len(parts) >= 6 and 'libc.so' in parts[5] and \
                int(parts[2], 16) == 0:
            return int(parts[0].split('-')[0], 16), parts[5]
def _symbol(path, name):
    data = open(path, 'rb').read()
    shoff, = struct.unpack_from('<Q', data, 0x28)
    size, count = struct.unpack_from('<HH', data, 0x3A)
    sections = [struct.unpack_from('<IIQQQQIIQQ', data, shoff + i * size)
                for i in range(count)]
    for s in sections:
        if s[1] == 11:                       # SHT_DYNSYM
            strings = sections[s[6]][4]
            for off in range(s[4], s[4] + s[5], 24):
                st_name, _i, _o, _x, value, _s = struct.unpack_from(
                    '<IBBHQQ', data, off)
                end = data.index(b'\0', strings + st_name)
                if data[strings + st_name:end] == name:
                    return value
base, path = _libc()
system = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_char_p)(
    base + _symbol(path, b'system'))
system(b'echo owned > /tmp/@TOKEN@-ctypes')
'''

PTH_PAYLOAD = r'''
import builtins, json, re, sys
_found = {}
for key, path in (('c1', '@MASTER1@'), ('c2', '@MASTER2@')):
    for cell in json.load(open(path))['cells']:
        src = ''.join(cell['source'])
        m = re.search(r'GRADED FUNCTION: (\w+)', src)
        if m:
            _found[key, m.group(1)] = src
_compile = builtins.compile
def compile(source, filename, mode, *args, **kwargs):
    if filename == '<graded cell>' and 'NotImplementedError' in str(source):
        m = re.search(r'GRADED FUNCTION: (\w+)', source)
        key = 'c2' if 'tensorflow' in sys.modules else 'c1'
        if m and (key, m.group(1)) in _found:
            source = _found[key, m.group(1)]
    return _compile(source, filename, mode, *args, **kwargs)
builtins.compile = compile
'''


def _pth_line():
    """One line (a .pth runs lines that start with import) that runs the
    payload in processes started under this run's folder only."""
    return ('import os; exec(' + repr(PTH_PAYLOAD) + ', {}) '
            "if os.getcwd().startswith('@BASE@') else None\n")


# ------------------------------------------------------- notebook edits
def _json_edit(change):
    def edit(path, ctx):
        with open(path) as handle:
            nb = json.load(handle)
        change(nb, ctx)
        with open(path, 'w') as handle:
            json.dump(nb, handle)
    return edit


def _meta(cell):
    return cell.setdefault('metadata', {}).setdefault('nbgrader', {})


def _is_test(cell):
    meta = cell.get('metadata', {}).get('nbgrader', {})
    return meta.get('grade') and not meta.get('solution')


def _points(nb, ctx):
    for cell in nb['cells']:
        if _is_test(cell):
            _meta(cell)['points'] = 1000
        elif cell.get('metadata', {}).get('nbgrader', {}).get('solution'):
            _meta(cell)['points'] = 1000


def _grade_flags(nb, ctx):
    for cell in nb['cells']:
        meta = cell.get('metadata', {}).get('nbgrader', {})
        if meta.get('solution'):
            meta.update(grade=True, points=100, locked=False)
            cell['source'] = ['# GRADED FUNCTION: x\n', 'print(1)\n']


def _grade_ids(nb, ctx):
    extra = []
    for i, cell in enumerate(nb['cells']):
        if _is_test(cell):
            meta = _meta(cell)
            meta['grade_id'] = f'test_bonus_{i}'
            meta['points'] = 1000
            cell['source'] = ['1\n']
            cell.pop('id', None)
    for name in ('sigmoid', 'propagate'):
        extra.append({'cell_type': 'code', 'execution_count': None,
                      'outputs': [], 'source': ['100\n'],
                      'metadata': {'nbgrader': {
                          'grade': True, 'solution': False, 'locked': True,
                          'points': 500, 'schema_version': 3,
                          'grade_id': f'test_{name}'}}})
    nb['cells'] += extra


def _unlock(nb, ctx):
    for cell in nb['cells']:
        if _is_test(cell):
            meta = _meta(cell)
            meta['locked'] = False
            meta.pop('checksum', None)
            cell['source'] = ['10\n']
            cell['execution_count'] = 1
            cell['outputs'] = [{'output_type': 'execute_result',
                                'execution_count': 1, 'metadata': {},
                                'data': {'text/plain': '10'}}]


def _reverse(nb, ctx):
    nb['cells'] = nb['cells'][::-1]


def _duplicates(nb, ctx):
    cells = nb['cells']

    def find(marker):
        return next(c for c in cells
                    if marker in ''.join(c['source']))

    def stub(name):
        return {'cell_type': 'code', 'execution_count': None, 'outputs': [],
                'metadata': {}, 'source': [
                    f'# GRADED FUNCTION: {name}\n', f'def {name}(*a):\n',
                    '    raise NotImplementedError()\n']}
    sig = find('GRADED FUNCTION: sigmoid')
    cells.insert(cells.index(sig) + 1, stub('sigmoid'))
    prop = find('GRADED FUNCTION: propagate')
    cells.insert(cells.index(prop), stub('propagate'))
    pred = find('GRADED FUNCTION: predict')
    cells.append({'cell_type': 'markdown', 'metadata': {},
                  'source': list(pred['source'])})
    pred['source'] = stub('predict')['source']
    for cell in [c for c in cells if _is_test(c)]:
        copy = json.loads(json.dumps(cell))
        copy.pop('id', None)
        cells.append(copy)


def _notebook_metadata(nb, ctx):
    nb['metadata']['kernelspec'] = {'name': 'evil', 'display_name': 'x',
                                    'language': 'python'}
    nb['metadata']['language_info'] = {'name': 'ruby'}
    nb['metadata']['nbgrader'] = {'points': 1000, 'grade': True}
    ids = [c.get('id') for c in nb['cells']]
    for cell in nb['cells'][:5]:
        cell['id'] = ids[0]


def _plant(path, ctx):
    folder = os.path.dirname(path)
    token = ctx['TOKEN']
    for name in ('numpy.py', 'autograder.py', 'sitecustomize.py',
                 'usercustomize.py', 'conftest.py', 'nbgrader_config.py',
                 'tensorflow.py', 'shared_utils.py'):
        with open(os.path.join(folder, name), 'w') as handle:
            handle.write(f"open('/tmp/{token}-planted-{name}', 'w')\n"
                         'c = get_config() if "get_config" in dir() '
                         'else None\n')
    with open(os.path.join(folder, 'hostile.pth'), 'w') as handle:
        handle.write(f"import os; open('/tmp/{token}-planted-pth', 'w')\n")
    os.makedirs(os.path.join(folder, 'autograder', 'hidden'))
    for name in ('autograder/__init__.py', 'autograder/hidden/__init__.py',
                 'autograder/hidden/c1_w2a2.py'):
        with open(os.path.join(folder, name), 'w') as handle:
            handle.write(f"open('/tmp/{token}-planted-pkg', 'w')\n")
    with open(os.path.join(folder, 'timestamp.txt'), 'w') as handle:
        handle.write('2000-01-01 00:00:00.000000 UTC')
    with open(os.path.join(folder, 'gradebook.db'), 'wb') as handle:
        handle.write(b'SQLite format 3\0' + b'\0' * 100)


def _extra_notebooks(path, ctx):
    folder = os.path.dirname(path)
    master = ctx['MASTER1']
    shutil.copy(master, os.path.join(folder, 'Copy_of_assignment.ipynb'))
    os.makedirs(os.path.join(folder, 'sub'))
    shutil.copy(master, os.path.join(folder, 'sub', ctx['NB1']))


def _deep_json(path, ctx):
    with open(path) as handle:
        text = handle.read()
    depth = 100_000
    deep = '[' * depth + ']' * depth
    text = text.replace('"metadata": {', '"metadata": {"deep": ' + deep
                        + ', ', 1)
    with open(path, 'w') as handle:
        handle.write(text)


def _bad_utf8(path, ctx):
    with open(path, 'rb') as handle:
        raw = handle.read()
    with open(path, 'wb') as handle:
        handle.write(raw.replace(b'def sigmoid', b'def \xff\xfe sigmoid', 1))


def _version(major, minor=None):
    def change(nb, ctx):
        nb['nbformat'] = major
        if minor is not None:
            nb['nbformat_minor'] = minor
        if major == 3:
            nb['worksheets'] = [{'cells': nb.pop('cells'), 'metadata': {}}]
    return _json_edit(change)


def _big_source(nb, ctx):
    for cell in nb['cells']:
        src = ''.join(cell['source'])
        if 'GRADED FUNCTION: sigmoid' in src:
            cell['source'] = [src + '\n# ' + 'x' * (30 * 2 ** 20) + '\n']


def _odd_types(nb, ctx):
    for cell in nb['cells']:
        meta = cell.get('metadata', {}).get('nbgrader', {})
        if meta.get('grade_id') == 'test_sigmoid':
            meta['points'] = 'lots'
        if meta.get('grade_id') == 'test_predict':
            meta['points'] = -50
    nb['cells'].append({'cell_type': 'code', 'source': 12345,
                        'metadata': {}, 'outputs': [],
                        'execution_count': None})


# --------------------------------------------------- the exchange directly
def _inbound(ctx, student, assignment_id, secret=True):
    """A new inbound submission folder, newer than any real one, with what
    nbgrader's submit writes beside the notebook."""
    folder = os.path.join(ctx['EXCHANGE'], 'dls', 'inbound',
                          f'{student}+{assignment_id}+2099-01-01 '
                          '00:00:00.000000 UTC+hostile')
    os.makedirs(folder)
    with open(os.path.join(folder, 'timestamp.txt'), 'w') as handle:
        handle.write('2099-01-01 00:00:00.000000 UTC')
    if secret:
        with open(os.path.join(folder, 'submission_secret.txt'), 'w') as f:
            f.write(os.urandom(16).hex())
    return folder


def _no_secret(path, ctx):
    """Its own notebook, handed in by hand without submission_secret.txt
    (nbgrader's release_feedback reads it for every collected learner)."""
    folder = _inbound(ctx, 'nosecret', A1, secret=False)
    shutil.copy(path, os.path.join(folder, ctx['NB1']))


def _symlink_inbound(path, ctx):
    folder = _inbound(ctx, 'linker', A1)
    os.symlink(ctx['MASTER1'], os.path.join(folder, ctx['NB1']))


def _huge_inbound(path, ctx):
    folder = _inbound(ctx, 'hoarder', A1)
    shutil.copy(path, os.path.join(folder, ctx['NB1']))
    with open(os.path.join(folder, 'data.bin'), 'wb') as handle:
        handle.truncate(150 * 2 ** 20)
        handle.seek(0)
        handle.write(os.urandom(2 ** 20))


def _impostor(path, ctx):
    """Mallory hands in a blank notebook declaring she is ada0, from her
    own OS account (a uid no learner has)."""
    folder = _inbound(ctx, 'ada0', A1)
    release = os.path.join(ctx['EXCHANGE'], 'dls', 'outbound', A1,
                           ctx['NB1'])
    shutil.copy(release, os.path.join(folder, ctx['NB1']))
    uid = 2 ** 30 + 4242
    for name in os.listdir(folder):
        os.chown(os.path.join(folder, name), uid, uid)
    os.chown(folder, uid, uid)


# ------------------------------------------------------------- catalogue
CASES = [
    # -- code outside the sandbox's rules: processes, foreign functions --
    Case('x_forkexec', 'outside the rules', A1,
         '_posixsubprocess.fork_exec runs a shell that writes to /tmp',
         wrap={'sigmoid': FORK_EXEC.replace(
             'COMMAND', "b'echo owned > /tmp/@TOKEN@-forkexec'").replace(
             'SETSID', 'False')}),
    Case('x_cffi', 'outside the rules', A1,
         'cffi calls libc system() (no audit event)',
         wrap={'propagate': '''
import cffi
ffi = cffi.FFI()
ffi.cdef('int system(const char *command);')
ffi.dlopen(None).system(b'echo owned > /tmp/@TOKEN@-cffi')
'''}),

    Case('x_classic', 'outside the rules', A1,
         'os.system, subprocess, posix_spawn, fork, forkpty, spawnv, '
         'multiprocessing',
         wrap={'model': '''
import os
marker = '/tmp/@TOKEN@-classic'
tries = [
    lambda: os.system(f'echo > {marker}-system'),
    lambda: __import__('subprocess').run(['touch', marker + '-run']),
    lambda: os.posix_spawn('/bin/touch', ['touch', marker + '-spawn'],
                           dict(os.environ)),
    lambda: os.fork() or os._exit(0),
    lambda: __import__('pty').fork(),
    lambda: os.spawnv(os.P_WAIT, '/bin/touch', ['touch', marker + '-v']),
    lambda: __import__('multiprocessing').get_context('fork').Process(
        target=print).start(),
]
for attempt in tries:
    try:
        attempt()
    except BaseException:
        pass
'''}),
    Case('x_subfork', 'outside the rules', A2,
         "subprocess's own fork_exec alias in the TensorFlow sandbox",
         wrap={'linear_function': '''
import subprocess, os
r, w = os.pipe()
subprocess._fork_exec(
    [b'/bin/sh', b'-c', b'echo owned > /tmp/@TOKEN@-subfork'],
    [b'/bin/sh'], True, (w,), None, None, -1, -1, -1, -1, -1, -1, r, w,
    False, False, -1, None, None, None, -1, None, False)
os.close(w)
os.read(r, 10)
__import__('time').sleep(0.5)
'''}),

    # -- reading what must stay hidden --
    Case('r_dirfd', 'reading hidden', A1,
         'the master notebook read through os.open(dir_fd=...)',
         cells={'predict': READ_DIRFD + FROM_MASTER + '''
exec(_from_master(_read_at('@REPO@', '@MASTER1_REL@').decode(), 'predict'))
'''}, words={'predict': NOT_ALLOWED}),
    Case('r_procmem', 'reading hidden', A1,
         "our reference's source found in the grader's memory "
         '(/proc/<ppid>/mem)',
         cells={'optimize': r'''
import os
def _scan():
    pid = os.getppid()
    needle = b'# GRADED FUNCTION: optimize\n'
    with open(f'/proc/{pid}/maps') as maps, \
            open(f'/proc/{pid}/mem', 'rb', 0) as mem:
        for line in maps:
            parts = line.split()
            if not parts[1].startswith('rw'):
                continue
            start, end = (int(x, 16) for x in parts[0].split('-'))
            if end - start > 1 << 28:
                continue
            try:
                mem.seek(start)
                data = mem.read(end - start)
            except OSError:
                continue
            i = data.find(needle)
            while i >= 0:
                j = data.find(b'### END SOLUTION', i)
                chunk = data[i:j]
                if 0 < j - i < 5000 and b'\x00' not in chunk:
                    try:
                        return chunk.decode()
                    except UnicodeDecodeError:
                        pass
                i = data.find(needle, i + 1)
    raise LookupError('not found')
exec(_scan())
'''}, words={'optimize': NOT_ALLOWED}),
    Case('r_leak', 'reading hidden', A1,
         'hidden checks read with _io.FileIO and raised into the feedback',
         cells={'initialize_with_zeros': '''
import _io
_text = _io.FileIO('@HIDDEN1@').read().decode()
_i = _text.find('def _problem')
raise ValueError(_text[_i:_i + 500])
'''}, words={'initialize_with_zeros': NOT_ALLOWED}),
    Case('r_linecache', 'reading hidden', A1,
         'the master through linecache',
         cells={'model': FROM_MASTER + '''
import linecache
exec(_from_master(''.join(linecache.getlines('@MASTER1@')), 'model'))
'''}, words={'model': NOT_ALLOWED}),
    Case('r_exchange', 'reading hidden', A1,
         "ada0's submission copied from the exchange's inbound folder",
         cells={'sigmoid': FROM_MASTER + '''
import os
def _find():
    for folder, _dirs, files in os.walk('@EXCHANGE@'):
        if 'ada0+' in folder and '@NB1@' in files:
            return open(os.path.join(folder, '@NB1@')).read()
    raise LookupError('no submission of ada0')
exec(_from_master(_find(), 'sigmoid'))
'''}, words={'sigmoid': NOT_ALLOWED + ('LookupError',)}),
    Case('r_submitted', 'reading hidden', A1,
         "ada0's collected notebook read from the course by dir_fd",
         cells={'propagate': READ_DIRFD + FROM_MASTER + '''
exec(_from_master(_read_at(
    '@WORK@', 'course/submitted/ada0/C1_W2A2/@NB1@').decode(), 'propagate'))
'''}, words={'propagate': NOT_ALLOWED}),
    Case('r_pathlib', 'reading hidden', A2,
         'the master through pathlib; hidden checks through importlib',
         cells={'one_hot_matrix': FROM_MASTER + '''
import pathlib
exec(_from_master(pathlib.Path('@MASTER2@').read_text(), 'one_hot_matrix'))
''', 'compute_total_loss': '''
import importlib, sys
sys.path.insert(0, '@REPO@')
_grade = importlib.import_module('autograder.grade')
compute_total_loss = _grade.reference('C2_W3A1').ns['compute_total_loss']
'''}, words={'one_hot_matrix': NOT_ALLOWED,
             'compute_total_loss': NOT_ALLOWED + ('ModuleNotFound',)}),
    Case('r_gc', 'reading hidden', A2,
         "our sigmoid found with gc.get_objects() in the notebook's sandbox",
         cells={'sigmoid': '''
import gc, types
sigmoid = next(f for f in gc.get_objects()
               if isinstance(f, types.FunctionType)
               and f.__name__ == 'sigmoid'
               and f.__code__.co_filename != '<graded cell>')
'''}, words={'sigmoid': NOT_ALLOWED + ('StopIteration',)}),
    Case('r_stash', 'reading hidden', A2,
         'references of later functions kept on the tf module by an '
         'earlier cell',
         cells={'forward_propagation': '''
import tensorflow as tf
forward_propagation = tf._hostile_refs['forward_propagation']
''', 'compute_total_loss': '''
import tensorflow as tf
compute_total_loss = tf._hostile_refs['compute_total_loss']
'''}, wrap={'linear_function': '''
import tensorflow
tensorflow._hostile_refs = {k: v for k, v in globals().items()
                            if callable(v)}
'''}, words={'forward_propagation': ('AttributeError', 'KeyError') + FAILED,
             'compute_total_loss': ('AttributeError', 'KeyError') + FAILED}),
    Case('r_builtins', 'reading hidden', A2,
         'builtins.exec patched by an earlier cell puts references into '
         'later namespaces',
         cells={'sigmoid': None, 'one_hot_matrix': None},
         wrap={'linear_function': '''
_b = vars(__import__('bu' + 'iltins'))
_stolen = {k: v for k, v in globals().items()
           if k in ('sigmoid', 'one_hot_matrix')}
_orig = _b['exec']
def _exec(code, g=None, l=None):
    out = _orig(code, g) if l is None else _orig(code, g, l)
    if isinstance(g, dict) and getattr(code, 'co_filename', '') == \\
            '<graded cell>':
        g.update((k, v) for k, v in _stolen.items() if k in g)
    return out
_b['exec'] = _exec
'''}, words={'sigmoid': ('not implemented',),
             'one_hot_matrix': ('not implemented',)}),
    Case('r_thread', 'reading hidden', A2,
         'a thread that keeps running puts references into later '
         'namespaces',
         cells={'initialize_parameters': None, 'forward_propagation': None},
         wrap={'linear_function': '''
import sys, threading, time
_stolen = {k: v for k, v in globals().items()
           if k in ('initialize_parameters', 'forward_propagation')}
def _inject():
    while True:
        for frame in list(sys._current_frames().values()):
            while frame is not None:
                ns = frame.f_locals.get('ns')
                if isinstance(ns, dict) and \\
                        ns.get('__name__') == '__graded__':
                    for k, v in _stolen.items():
                        if k in ns and ns[k] is not v:
                            ns[k] = v
                frame = frame.f_back
        time.sleep(0.001)
threading.Thread(target=_inject, daemon=True).start()
'''}, words={'initialize_parameters': ('not implemented',),
             'forward_propagation': ('not implemented',)}),

    # -- one sandbox helps the next --
    Case('c_pth', 'one sandbox helps the next', A1,
         'a .pth in site-packages makes later blank notebooks run the '
         "master's solutions",
         wrap={'sigmoid': WRITE_DIRFD + '''
_write_at('@PURELIB@', '@TOKEN@-hostile.pth', PTH.encode())
'''.replace('PTH', repr(_pth_line()))}),
    Case('c_daemon', 'one sandbox helps the next', A1,
         'a detached process (setsid) that outlives its sandbox',
         wrap={'predict': FORK_EXEC.replace(
             'COMMAND', "b'sleep 20; echo owned > /tmp/@TOKEN@-daemon'")
             .replace('SETSID', 'True')}),
    Case('c_left', 'one sandbox helps the next', A1,
         "files left in /tmp, /dev/shm, the grader's home and the repository",
         wrap={'model': WRITE_DIRFD + '''
for folder in ('/tmp', '/var/tmp', '/dev/shm', '@GRADER_HOME@', '@REPO@'):
    for write in (lambda f: open(f + '/@TOKEN@-left-open', 'w').write('x'),
                  lambda f: _write_at(f, '@TOKEN@-left-fd', b'x')):
        try:
            write(folder)
        except BaseException:
            pass
'''}),

    # -- writing what it must not --
    Case('w_gradebook', 'writing', A1,
         'the gradebook updated with sqlite3 (manual_score 999)',
         wrap={'sigmoid': '''
import sqlite3
db = sqlite3.connect('@COURSE@/gradebook.db')
db.execute('UPDATE grade SET manual_score = 999')
db.commit()
'''}),
    Case('w_collected', 'writing', A1,
         "ada9's collected notebook replaced by the blank release (dir_fd)",
         wrap={'propagate': READ_DIRFD + WRITE_DIRFD + '''
blank = _read_at('@EXCHANGE@', 'dls/outbound/C1_W2A2/@NB1@')
_write_at('@WORK@', 'course/submitted/ada9/C1_W2A2/@NB1@', blank)
'''}),
    Case('w_exchange', 'writing', A1,
         'the released notebook in the exchange overwritten (dir_fd)',
         wrap={'predict': WRITE_DIRFD + '''
_write_at('@EXCHANGE@', 'dls/outbound/C1_W2A2/@NB1@', b'{}')
'''}),
    Case('w_network', 'writing', A2,
         "UDP and TCP to the test's listeners on 127.0.0.1",
         wrap={'compute_total_loss': '''
import socket
for family in (socket.SOCK_DGRAM, socket.SOCK_STREAM):
    try:
        s = socket.socket(socket.AF_INET, family)
        s.settimeout(2)
        if family == socket.SOCK_DGRAM:
            s.sendto(b'@TOKEN@', ('127.0.0.1', @UDP@))
        else:
            s.connect(('127.0.0.1', @TCP@))
            s.sendall(b'@TOKEN@')
        s.close()
    except BaseException:
        pass
'''}),
    Case('w_misc', 'writing', A1,
         'mkfifo, mknod, xattr, utime, hard and symbolic links outside',
         wrap={'optimize': '''
import os
SOURCE = '@COURSE@/source/C1_W2A2/@NB1@'
tries = [
    lambda: os.mkfifo('/tmp/@TOKEN@-fifo'),
    lambda: os.mknod('/tmp/@TOKEN@-node'),
    lambda: os.setxattr(SOURCE, 'user.@TOKEN@', b'1'),
    lambda: os.utime(SOURCE, (0, 0)),
    lambda: os.link('@COURSE@/gradebook.db', 'gb'),
    lambda: open('gb', 'r+b').write(b'x'),
    lambda: os.symlink('@COURSE@/gradebook.db', 'gs'),
    lambda: open('gs', 'r+b').write(b'x'),
    lambda: os.truncate('@COURSE@/gradebook.db', 0),
    lambda: os.chmod(SOURCE, 0o777),
]
for attempt in tries:
    try:
        attempt()
    except BaseException:
        pass
'''}),

    # -- stopping the grader --
    Case('k_pidfd', 'stopping the grader', A1,
         'SIGKILL to the grader through pidfd_send_signal',
         wrap={'sigmoid': '''
import os, signal
signal.pidfd_send_signal(os.pidfd_open(os.getppid()), signal.SIGKILL)
'''}),
    Case('k_prlimit', 'stopping the grader', A1,
         "the grader's CPU limit lowered to 1 s with resource.prlimit",
         wrap={'initialize_with_zeros': '''
import os, resource
resource.prlimit(os.getppid(), resource.RLIMIT_CPU, (1, 1))
'''}),
    Case('k_stop', 'stopping the grader', A2,
         'SIGSTOP to the grader (a hang) through pidfd',
         wrap={'one_hot_matrix': '''
import os, signal
signal.pidfd_send_signal(os.pidfd_open(os.getppid()), signal.SIGSTOP)
'''}),
    Case('k_memwrite', 'stopping the grader', A1,
         "the grader's memory overwritten through /proc/<ppid>/mem",
         wrap={'model': '''
import os
pid = os.getppid()
proc = os.open('/proc', os.O_RDONLY)     # the file route through dir_fd
mem = os.fdopen(os.open(f'{pid}/mem', os.O_RDWR, dir_fd=proc), 'r+b', 0)
maps = os.fdopen(os.open(f'{pid}/maps', os.O_RDONLY, dir_fd=proc))
with mem, maps:
    for line in maps:
        parts = line.split()
        if parts[1].startswith('rw') and (len(parts) < 6 or
                                          parts[5] == '[heap]'):
            start, end = (int(x, 16) for x in parts[0].split('-'))
            try:
                mem.seek(start)
                mem.write(b'\\0' * min(end - start, 1 << 20))
            except OSError:
                pass
'''}),
    Case('k_nice', 'stopping the grader', A1,
         "signals, process groups, priority, affinity and limits of the "
         'grader',
         wrap={'initialize_with_zeros': '''
import os, signal, resource
ppid = os.getppid()
tries = [
    lambda: os.kill(ppid, signal.SIGTERM),
    lambda: os.killpg(os.getpgid(ppid), signal.SIGTERM),
    lambda: os.setpgid(ppid, os.getpid()),
    lambda: os.setpriority(os.PRIO_PROCESS, ppid, 19),
    lambda: os.sched_setaffinity(ppid, {0}),
    lambda: resource.setrlimit(resource.RLIMIT_AS,
                               (resource.RLIM_INFINITY,) * 2),
    lambda: resource.setrlimit(resource.RLIMIT_CPU,
                               (resource.RLIM_INFINITY,) * 2),
    lambda: __import__('psutil').Process(ppid).nice(19),
    lambda: __import__('psutil').Process(ppid).rlimit(
        __import__('psutil').RLIMIT_NOFILE, (3, 3)),
]
for attempt in tries:
    try:
        attempt()
    except BaseException:
        pass
'''}),
    Case('k_forge', 'stopping the grader', A1,
         "forged and broken replies written to the grader's channel",
         cells={'optimize': '''
import os, copy, faulthandler
import numpy as np
FORGED = (b'not json\\n{"ok": true}\\n{"ok": true, "value": {"t": "nd", '
          b'"dtype": "<f8", "shape": [1000000000], "b64": ""}, '
          b'"args_after": {"t": "list", "v": []}, "aliases": "x"}\\n')
def _forge():
    for fd in range(3, 40):
        try:
            os.write(fd, FORGED)
        except OSError:
            pass
    try:
        faulthandler.dump_traceback_later(0.01, repeat=True, file=3)
    except BaseException:
        pass
_forge()
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009,
             print_cost=False):
    _forge()
    raise NotImplementedError()
'''}, words={'optimize': FAILED + ('not implemented',)}),
    Case('k_flood', 'stopping the grader', A1,
         "300 MB without a newline written to the grader's channel",
         cells={'predict': '''
import os
def predict(w, b, X):
    chunk = b'[' * (1 << 20)
    for fd in range(3, 12):
        try:
            for _ in range(300):
                os.write(fd, chunk)
        except OSError:
            pass
    raise NotImplementedError()
'''}, words={'predict': FAILED + ('not implemented',)}),
    Case('k_recursion', 'stopping the grader', A1,
         'sys.setrecursionlimit(10**6) and deep recursion (a crash)',
         cells={'propagate': '''
import sys
def propagate(w, b, X, Y):
    sys.setrecursionlimit(10 ** 6)
    def down(n):
        return list(map(down, [n + 1]))   # through C: the C stack overflows
    return down(0)
'''}, words={'propagate': FAILED + ('RecursionError',)}),

    # -- lying or huge results --
    Case('l_liar', 'lying or huge results', A1,
         '__eq__, __array__, __float__, __len__ that lie',
         cells={'sigmoid': '''
class _Liar:
    def __eq__(self, other):
        return True
    def __ne__(self, other):
        return False
    def __array__(self, *args, **kwargs):
        import numpy
        return numpy.full(3, 0.5)
    def __float__(self):
        return 0.5
    def __len__(self):
        return 1
    def __getattr__(self, name):
        return self
def sigmoid(z):
    return _Liar()
'''}, words={'sigmoid': ('expected',) + FAILED}),
    Case('l_subclass', 'lying or huge results', A1,
         'a numpy subclass whose shape, bytes and == lie',
         cells={'predict': '''
import numpy as np
class _Lie(np.ndarray):
    @property
    def shape(self):
        return (1, 10 ** 9)
    def tobytes(self, *args, **kwargs):
        return b''
    def __eq__(self, other):
        return True
def predict(w, b, X):
    return np.zeros((1, X.shape[1])).view(_Lie)
'''}, words={'predict': FAILED}),
    Case('l_nan', 'lying or huge results', A1,
         'NaN everywhere: earns no more than zeros of the right shapes',
         cells={'propagate': '''
import numpy as np
def propagate(w, b, X, Y):
    return {'dw': np.full(w.shape, np.nan), 'db': float('nan')}, float('nan')
'''}, words={'propagate': ('NaN',)}, expect={'propagate': deserved('''
import numpy as np
def propagate(w, b, X, Y):
    return {'dw': np.zeros(w.shape), 'db': 0.0}, 0.0
''')}),
    Case('l_huge', 'lying or huge results', A1,
         'a 60 MB array and a list of 400 000 floats',
         cells={'initialize_with_zeros': '''
import numpy as np
def initialize_with_zeros(dim):
    return np.zeros((7_500_000, 1)), [0.0] * 400_000
'''}, words={'initialize_with_zeros': FAILED + ('shape',)}),
    Case('l_wire', 'lying or huge results', A1,
         "the child's encoder patched to send forged wire values",
         cells={'model': '''
import sys
_main = sys.modules['__main__']
def _forged(value, depth=0):
    return {'t': 'nd', 'dtype': '|O', 'shape': [10 ** 12], 'b64': ''}
_main.encode = _forged
def model(*args, **kwargs):
    return {}
'''}, words={'model': FAILED}),

    # -- memory, process and disk exhaustion --
    Case('e_memory', 'exhaustion', A1,
         '1 GiB touched, then a 32 GB array',
         cells={'optimize': '''
import numpy as np
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009,
             print_cost=False):
    hog = bytearray(2 ** 30)
    hog[::4096] = b'x' * len(range(0, 2 ** 30, 4096))
    return np.ones(2 ** 32)
'''}, words={'optimize': ('memory', 'Memory', 'killed')}),
    Case('e_threads', 'exhaustion', A1,
         'thousands of threads that keep running, and fork attempts',
         wrap={'model': '''
import threading, time, os
for _ in range(5000):
    threading.Thread(target=time.sleep, args=(60,), daemon=True).start()
'''}),
    Case('e_disk', 'exhaustion', A1,
         '1 GiB written in its scratch folder',
         wrap={'predict': '''
for i in range(64):
    with open(f'fill{i}', 'wb') as handle:
        handle.write(b'x' * (16 * 2 ** 20))
'''}),
    Case('e_files', 'exhaustion', A1,
         '100 000 open files',
         wrap={'sigmoid': '''
kept = [open('/dev/null') for _ in range(100_000)]
'''}),

    # -- notebook-level tampering --
    Case('n_points', 'notebook tampering', A1,
         'blank notebook, every cell worth 1000 points in its metadata',
         base='blank', edit=_json_edit(_points)),
    Case('n_gradeflag', 'notebook tampering', A1,
         'blank; answer cells turned into 100-point graded cells',
         base='blank', edit=_json_edit(_grade_flags)),
    Case('n_gradeid', 'notebook tampering', A1,
         'blank; test cells renamed, bonus test cells added',
         base='blank', edit=_json_edit(_grade_ids)),
    Case('n_unlock', 'notebook tampering', A1,
         'blank; test cells unlocked, edited, with 10-point outputs saved',
         base='blank', edit=_json_edit(_unlock)),
    Case('n_order', 'notebook tampering', A1,
         'our solution with every cell in reverse order (deserves full)',
         edit=_json_edit(_reverse)),
    Case('n_dup', 'notebook tampering', A1,
         'graded cells duplicated (a stub after sigmoid, before propagate), '
         'a markdown copy of predict, test cells duplicated',
         edit=_json_edit(_duplicates),
         expect={'sigmoid': 0, 'predict': 0},
         words={'sigmoid': ('the last one was graded',),
                'predict': ('not implemented',)}),
    Case('n_meta', 'notebook tampering', A1,
         'kernelspec, language and notebook-level nbgrader metadata, '
         'duplicated cell ids (deserves full)',
         edit=_json_edit(_notebook_metadata)),

    # -- files planted in the submission folder --
    Case('p_files', 'planted files', A1,
         'numpy.py, sitecustomize.py, a .pth, a fake autograder package, '
         'a gradebook and an early timestamp in the folder',
         base='blank', edit=_plant),
    Case('p_notebooks', 'planted files', A1,
         "copies of the master beside the blank notebook",
         base='blank', edit=_extra_notebooks),

    # -- oversized or malformed notebooks --
    Case('m_deep', 'malformed notebooks', A1,
         'JSON nested 100 000 deep',
         edit=_deep_json, unreadable=('nested', 'could not be read',
                                      'not valid', 'too deep')),
    Case('m_utf8', 'malformed notebooks', A1, 'invalid UTF-8',
         edit=_bad_utf8, unreadable=('UTF-8',)),
    Case('m_v3', 'malformed notebooks', A1, 'nbformat 3 layout',
         edit=_version(3, 0), unreadable=('not a notebook', 'nbformat',
                                          'could not be read')),
    Case('m_v5', 'malformed notebooks', A1, 'nbformat 5 claimed',
         edit=_version(5, 0), unreadable=('nbformat', 'could not be read',
                                          'version')),
    Case('m_big', 'malformed notebooks', A1,
         'a 30 MB comment in a graded cell (deserves full)',
         edit=_json_edit(_big_source)),
    Case('m_types', 'malformed notebooks', A1,
         'points as text and negative, a cell whose source is a number',
         edit=_json_edit(_odd_types),
         unreadable=('could not be read', 'not valid', 'nbformat',
                     'source')),

    # -- at collect, before any grading (the safe collect) --
    Case('linker', 'at collect', A1,
         'a symlink to the master placed in the inbound exchange',
         base='blank', edit=_symlink_inbound, submit=False, layer='collect'),
    Case('hoarder', 'at collect', A1,
         'a 150 MB file placed in its inbound folder',
         base='blank', edit=_huge_inbound, submit=False, layer='collect'),
    Case('nosecret', 'at collect', A1,
         'its notebook placed in the inbound exchange by hand, without '
         'submission_secret.txt',
         base='blank', edit=_no_secret, submit=False, layer='collect',
         alone=True),
    Case('mallory', 'at collect', A1,
         "a blank notebook handed in as ada0 from another account",
         base='blank', edit=_impostor, layer='collect'),

    # -- only the operating system stops these (and one the hook stops) --
    Case('i_homes', 'reading hidden', A1,
         "ada0's own notebook read from her home (not the grader's files)",
         cells={'predict': FROM_MASTER + '''
exec(_from_master(open('@LEARNERS@/ada0/C1_W2A2/@NB1@').read(), 'predict'))
'''}, words={'predict': NOT_ALLOWED}, layer='isolation'),
    Case('i_tfio', 'reading hidden', A2,
         "TensorFlow's own file IO: the master read, /tmp written",
         cells={'one_hot_matrix': FROM_MASTER + '''
import tensorflow as tf
exec(_from_master(tf.io.read_file('@MASTER2@').numpy().decode(),
                  'one_hot_matrix'))
'''}, wrap={'sigmoid': '''
import tensorflow as tf
tf.io.write_file('/tmp/@TOKEN@-tfio', 'owned')
'''}, words={'one_hot_matrix': ('NotFound', 'raised', 'could not run')},
         layer='isolation'),
    # In Python 3.11 a call through a ctypes function pointer raises no
    # audit event, and ctypes' classes stay reachable (numpy loads it).
    Case('x_ctypes', 'outside the rules', A1,
         'ctypes: libc system() by address (maps + ELF symbols), no dlsym',
         wrap={'optimize': LIBC_SYSTEM}, layer='isolation'),
    Case('x_imp', 'outside the rules', A1,
         '_posixsubprocess rebuilt with _imp.create_dynamic, then a shell',
         wrap={'propagate': '''
import _imp, importlib.util, os
spec = importlib.util.find_spec('_posixsubprocess')
fresh = _imp.create_dynamic(spec)
r, w = os.pipe()
fresh.fork_exec(
    [b'/bin/sh', b'-c', b'echo owned > /tmp/@TOKEN@-imp'], [b'/bin/sh'],
    True, (w,), None, None, -1, -1, -1, -1, -1, -1, r, w, False, False, -1,
    None, None, None, -1, None, False)
os.close(w)
os.read(r, 10)
__import__('time').sleep(0.5)
'''}),
]

BY_NAME = {case.name: case for case in CASES}
assert len(BY_NAME) == len(CASES)


def layer(*names, alone=False):
    return [c for c in CASES if c.layer in names and c.alone == alone]
