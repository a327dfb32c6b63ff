"""Run hostile learners through the real nbgrader loop and check the aftermath.

One *run* is one course (C1_W2A2 and C2_W3A1) with honest learners first
(``ada0`` perfect, ``cam0`` realistic bugs), the hostile learners of the
catalogue, then honest learners again (``ada9``, ``cam9``) and a blank one
(``ben9``) last, so anything one learner leaves behind shows in the scores of
the learners graded after it.

The grader runs in its own process (:func:`child`), started here with a
wall-clock guard: an attack that kills, stops or hangs the grader fails the
run instead of the test session. Around it this process keeps a UDP and a
TCP listener on 127.0.0.1 (attacks are told their ports), snapshots of the
repository, the venv's site-packages and the places a file could be left
(``/tmp``, ``/dev/shm``, the grader's home), and afterwards looks for
processes that outlived the run.
"""
import html
import json
import os
import pwd
import secrets
import signal
import socket
import sqlite3
import subprocess
import sys
import sysconfig
import threading
import time
from dataclasses import dataclass, field

from autograder import curriculum

REPO = curriculum.REPO
HERE = os.path.dirname(os.path.abspath(__file__))
A1, A2 = 'C1_W2A2', 'C2_W3A1'
FIRST = ('ada0', 'cam0')
LAST = ('ada9', 'cam9', 'ben9')
PURELIB = sysconfig.get_paths()['purelib']
GRADER_HOME = pwd.getpwuid(os.getuid()).pw_dir
LEFTOVER_PLACES = ('/tmp', '/var/tmp', '/dev/shm', GRADER_HOME, REPO,
                   PURELIB)


# ------------------------------------------------------------------- cases
@dataclass
class Case:
    """One hostile learner.

    cells: {function: cell source} written into the notebook (``@NAME@``
        placeholders filled, see :func:`placeholders`); None keeps the
        released stub (a function the learner did not do).
    wrap: {function: attack code} run when the cell loads (errors
        swallowed), followed by our correct solution: the learner deserves
        full marks there, and the attack must have no effect.
    edit: ``edit(path, ctx)`` changes the notebook file or its folder after
        the cells are filled (notebook tampering, planted files, ...).
    base: 'perfect' (our solution in every other cell) or 'blank'.
    expect: {function: score}; by default max for perfect/wrapped cells, 0
        for stubs and for `cells` given here (an attack that only scores
        through what it steals).
    words: {function: (alternatives,)}: one must be in that function's
        feedback (a clear message).
    unreadable: alternatives for the problem message when the submission
        cannot be graded at all (then no row may hold points).
    layer: 'hook' (held by the sandbox's audit hook and the grader's own
        checks, also without OS isolation), 'isolation' (needs the OS
        sandbox of autograder/isolation.py) or 'collect' (needs the safe
        collect of autograder/collect.py).
    alone: a case that, when it breaks the loop, would take every other
        case of its course down with it.
    """
    name: str
    family: str
    assignment: str
    what: str
    cells: dict = field(default_factory=dict)
    wrap: dict = field(default_factory=dict)
    edit: object = None
    base: str = 'perfect'
    expect: dict = field(default_factory=dict)
    words: dict = field(default_factory=dict)
    unreadable: tuple = ()
    layer: str = 'hook'
    submit: bool = True     # False: the learner's own Submit is skipped
    alone: bool = False     # graded in a course of its own (C1_W2A2 only)

    def expected(self, function, points):
        if function in self.expect:
            want = self.expect[function]
            return want(self.assignment, function) if callable(want) \
                else want
        if function in self.wrap:
            return points
        if function in self.cells:
            return 0
        return points if self.base == 'perfect' else 0


def deserved(source):
    """An expected score: what `source` (a whole graded cell, our own
    code) earns from the hidden checks."""
    def score(assignment, function):
        from autograder import grade
        ref = grade.reference(assignment)
        ns = dict(ref.ns)
        exec(compile(source, f'<deserved {function}>', 'exec'), ns)
        trial = grade.grade_in_process(ref, function, ns[function])
        return round(ref.points[function] * trial.passed / trial.total, 2)
    return score


def placeholders(work, token, udp, tcp):
    """Values of the ``@NAME@`` placeholders in attack sources."""
    a1, a2 = curriculum.get(A1), curriculum.get(A2)
    hidden = os.path.join(REPO, 'autograder', 'hidden')
    return {
        'TOKEN': token, 'WORK': work, 'REPO': REPO,
        'BASE': os.path.dirname(work),
        'COURSE': os.path.join(work, 'course'),
        'EXCHANGE': os.path.join(work, 'exchange'),
        'LEARNERS': os.path.join(work, 'learners'),
        'MASTER1': a1.master, 'MASTER2': a2.master,
        'MASTER1_REL': os.path.relpath(a1.master, REPO),
        'NB1': a1.notebook, 'NB2': a2.notebook,
        'HIDDEN1': os.path.join(hidden, f'{a1.module}.py'),
        'HIDDEN2': os.path.join(hidden, f'{a2.module}.py'),
        'PURELIB': PURELIB, 'GRADER_HOME': GRADER_HOME,
        'UDP': str(udp), 'TCP': str(tcp),
    }


def fill_in(text, ctx):
    for key, value in ctx.items():
        text = text.replace(f'@{key}@', value)
    return text


# ------------------------------------------------- the grader's own process
def _learner(case, ctx):
    """The loop's learner callable for one hostile case."""
    from autograder import loop
    from autograder.grade import reference

    def make(assignment_id):
        if assignment_id != case.assignment:
            raise RuntimeError(f'{case.name} only takes {case.assignment}')
        ref = reference(assignment_id)
        sources = loop.perfect(assignment_id) if case.base == 'perfect' \
            else {}
        for name, src in case.cells.items():
            if src is None:
                sources.pop(name, None)
            else:
                if 'GRADED FUNCTION' not in src.split('\n', 1)[0]:
                    src = f'# GRADED FUNCTION: {name}\n' + src
                sources[name] = fill_in(src, ctx)
        for name, attack in case.wrap.items():
            body = '\n'.join('    ' + line for line in
                             fill_in(attack, ctx).strip('\n').split('\n'))
            correct = loop.perfect(assignment_id)[name].split('\n', 1)[1]
            sources[name] = (f'# GRADED FUNCTION: {name}\n'
                             f'def _attack():\n{body}\n'
                             'try:\n    _attack()\n'
                             'except BaseException:\n    pass\n' + correct)
        assert set(sources) <= set(ref.sources)   # graded and optional

        def work(path):
            loop.fill(path, sources)
            if case.edit:
                case.edit(path, ctx)
            if not case.submit:
                raise RuntimeError(f'{case.name} did not use Submit')
        return work
    return make


def child(spec_path):
    """The grader: run the loop for the cases in `spec_path`, write
    ``result.json`` beside it."""
    from autograder import loop, scores
    from . import cases as catalogue
    with open(spec_path) as handle:
        spec = json.load(handle)
    work = spec['work']
    ctx = placeholders(work, spec['token'], spec['udp'], spec['tcp'])
    chosen = [catalogue.BY_NAME[n] for n in spec['cases']]
    learners = {}
    for name in FIRST:
        learners[name] = _honest(name)
    for case in chosen:
        learners[case.name] = (case.what, _learner(case, ctx))
    for name in LAST:
        learners[name] = _honest(name)
    start = time.monotonic()
    summary = loop.run(work, spec['assignments'], learners=learners,
                       log=lambda *a: print(*a, file=sys.stderr, flush=True))
    rows = scores.collect(summary['root'], summary['problems'])
    result = {
        'seconds': time.monotonic() - start,
        'assignments': summary['assignments'],
        'root': summary['root'], 'exchange': summary['exchange'],
        'learners': summary['learners'],
        'graded': [[s, a, ok] for (s, a), ok in summary['graded'].items()],
        'problems': [[s, a, p] for (s, a), p in summary['problems'].items()],
        'autograde_s': [[s, a, t] for (s, a), t
                        in summary['autograde_s'].items()],
        'timings': summary['timings'], 'rows': rows,
        'nice': os.getpriority(os.PRIO_PROCESS, 0),
        'affinity': sorted(os.sched_getaffinity(0)),
        'rlimits': {name: list(__import__('resource').getrlimit(
            getattr(__import__('resource'), name)))
            for name in ('RLIMIT_CPU', 'RLIMIT_AS', 'RLIMIT_NOFILE',
                         'RLIMIT_FSIZE')},
    }
    with open(os.path.join(os.path.dirname(spec_path), 'result.json'),
              'w') as handle:
        json.dump(result, handle)


def _honest(name):
    from autograder import loop
    kinds = {'ada': ('perfect', loop.perfect), 'cam': ('realistic bugs',
             loop.buggy), 'ben': ('blank', lambda a: {})}
    return kinds[name[:3]]


# ---------------------------------------------------------- around the run
class _Listener:
    """UDP and TCP sockets on 127.0.0.1 that count what reaches them."""

    def __init__(self):
        self.udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.udp.bind(('127.0.0.1', 0))
        self.tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.tcp.bind(('127.0.0.1', 0))
        self.tcp.listen(8)
        self.received = []
        self.stop = False
        for sock in (self.udp, self.tcp):
            sock.settimeout(0.2)
        self.threads = [threading.Thread(target=self._serve_udp, daemon=True),
                        threading.Thread(target=self._serve_tcp, daemon=True)]
        for thread in self.threads:
            thread.start()

    @property
    def ports(self):
        return self.udp.getsockname()[1], self.tcp.getsockname()[1]

    def _serve_udp(self):
        while not self.stop and len(self.received) < 100:
            try:
                data, peer = self.udp.recvfrom(4096)
            except (socket.timeout, OSError):
                continue
            self.received.append(('udp', peer, data[:100]))

    def _serve_tcp(self):
        while not self.stop and len(self.received) < 100:
            try:
                conn, peer = self.tcp.accept()
            except (socket.timeout, OSError):
                continue
            conn.settimeout(1)
            try:
                data = conn.recv(100)
            except OSError:
                data = b''
            conn.close()
            self.received.append(('tcp', peer, data))

    def close(self):
        self.stop = True
        for thread in self.threads:
            thread.join(2)
        self.udp.close()
        self.tcp.close()


def _repo_files():
    out = subprocess.run(['git', 'ls-files', '-z', '-c'], cwd=REPO,
                         capture_output=True, check=True).stdout
    return sorted({p for p in out.decode().split('\0') if p})


def _stat(path):
    try:
        st = os.lstat(path)
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_mode)


def snapshot():
    """What must not change: the repository's tracked files and the venv's
    site-packages. (New files anywhere a learner could write are found by
    the run's token, :func:`token_files`: other tests running beside this
    one may create files in the repository or the grader's home.)"""
    repo = {p: _stat(os.path.join(REPO, p)) for p in _repo_files()}
    site = {n: _stat(os.path.join(PURELIB, n)) for n in os.listdir(PURELIB)}
    return {'repo': repo, 'site': site}


def changes(before, after):
    """Lines describing what differs between two snapshots."""
    lines = []
    for key in ('repo', 'site'):
        a, b = before[key], after[key]
        for path in sorted(set(a) | set(b)):
            if a.get(path) != b.get(path):
                how = 'created' if path not in a else (
                    'removed' if path not in b else 'changed')
                lines.append(f'{key}: {path} {how}')
    return lines


def token_files(token, extra=()):
    """Paths whose name holds the run's token, in the places a learner
    could leave something (one level deep) and under `extra` (all)."""
    found = []
    for place in LEFTOVER_PLACES:
        try:
            names = os.listdir(place)
        except OSError:
            continue
        found += [os.path.join(place, n) for n in names if token in n]
    for place in extra:
        for root, dirs, files in os.walk(place):
            found += [os.path.join(root, n) for n in dirs + files
                      if token in n]
    try:
        os.getxattr(os.path.join(REPO, 'README.md'), f'user.{token}')
        found.append('xattr user.<token> on README.md')
    except OSError:
        pass
    return sorted(set(found))


def survivors(token, inside):
    """(pid, cmdline) of processes that mention the token or run in
    `inside`; they are killed."""
    found = []
    for name in os.listdir('/proc'):
        if not name.isdigit() or int(name) == os.getpid():
            continue
        try:
            with open(f'/proc/{name}/cmdline', 'rb') as handle:
                cmdline = handle.read().replace(b'\0', b' ').decode(
                    errors='replace')
            cwd = os.readlink(f'/proc/{name}/cwd')
        except OSError:
            continue
        if token in cmdline or cwd == inside or cwd.startswith(inside + '/'):
            found.append((int(name), cmdline[:200]))
            try:
                os.kill(int(name), signal.SIGKILL)
            except OSError:
                pass
    return found


@dataclass
class Outcome:
    """A finished run, as the tests see it."""
    rc: int
    timed_out: bool
    seconds: float
    log: str
    result: dict
    work: str
    token: str
    changed: list
    leftovers: list
    survivors: list
    network: list
    tmp_left: list
    cases: list

    @property
    def table(self):
        return {(r['student'], r['assignment'], r['function']): r
                for r in self.result.get('rows', [])}

    def rows(self, student, assignment):
        return [r for r in self.result.get('rows', [])
                if r['student'] == student and r['assignment'] == assignment]

    def problems(self, student, assignment):
        for s, a, found in self.result.get('problems', []):
            if (s, a) == (student, assignment):
                return ' '.join(found)
        return ''

    def graded(self, student, assignment):
        return any(ok for s, a, ok in self.result.get('graded', [])
                   if (s, a) == (student, assignment))

    def alive(self):
        """The grader finished: no kill, no hang, a result written."""
        assert not self.timed_out, (
            f'the grading run did not finish within its guard '
            f'({self.seconds:.0f} s): stopped or hung\n{self.log[-4000:]}')
        assert self.rc == 0 and self.result, (
            f'the grading process ended with {self.rc} (negative: killed '
            f'by that signal)\n{self.log[-4000:]}')


def run(name, cases, assignments=(A1, A2), isolation='off', guard_s=900,
        base=None):
    """Grade `cases` (and the honest learners) in one nbgrader course, in a
    separate grader process under `DLS_ISOLATION=isolation`."""
    base = base or os.path.join('/tmp', f'hostile-{name}-{os.getpid()}')
    base = os.path.realpath(base)
    if os.path.exists(base):
        import shutil
        shutil.rmtree(base)
    tmp = os.path.join(base, 'tmp')
    os.makedirs(tmp)
    token = 'HOSTILE' + secrets.token_hex(6)
    listener = _Listener()
    udp, tcp = listener.ports
    spec_path = os.path.join(base, 'spec.json')
    with open(spec_path, 'w') as handle:
        json.dump({'work': os.path.join(base, 'loop'), 'token': token,
                   'udp': udp, 'tcp': tcp, 'assignments': list(assignments),
                   'cases': [c.name for c in cases]}, handle)
    before = snapshot()
    env = dict(os.environ, TMPDIR=tmp, DLS_ISOLATION=isolation,
               OPENBLAS_NUM_THREADS='1', OMP_NUM_THREADS='1',
               PYTHONPATH=REPO, TF_CPP_MIN_LOG_LEVEL='2')
    log_path = os.path.join(base, 'grader.log')
    start = time.monotonic()
    with open(log_path, 'wb') as log:
        proc = subprocess.Popen(
            [sys.executable, '-c',
             'import sys; sys.path[:0] = [sys.argv[2], sys.argv[3]]; '
             'from hostile import kit; kit.child(sys.argv[1])',
             spec_path, REPO, os.path.dirname(HERE)],
            cwd=base, env=env, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True)
        timed_out = False
        try:
            rc = proc.wait(timeout=guard_s)
        except subprocess.TimeoutExpired:
            timed_out = True
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except OSError:
                pass
            rc = proc.wait()
    seconds = time.monotonic() - start
    time.sleep(0.5)     # let anything a learner started show itself
    found = survivors(token, base)
    listener.close()
    after = snapshot()
    leftovers = token_files(token, extra=[base])
    for path in leftovers:          # never leave a planted file behind
        if os.path.isfile(path) and not path.startswith(base):
            os.remove(path)
    with open(log_path, errors='replace') as handle:
        text = handle.read()
    result = {}
    result_path = os.path.join(base, 'result.json')
    if os.path.exists(result_path):
        with open(result_path) as handle:
            result = json.load(handle)
    tmp_left = sorted(os.listdir(tmp))
    return Outcome(rc, timed_out, seconds, text, result,
                   os.path.join(base, 'loop'), token, changes(before, after),
                   leftovers, found, listener.received, tmp_left, list(cases))


# ------------------------------------------------------------ afterwards
def secret_lines():
    """Lines of the hidden checks that no learner may ever see: code lines
    of autograder/hidden/*.py (30+ characters) that appear in no released
    or master notebook."""
    from autograder import notebook
    hidden = os.path.join(REPO, 'autograder', 'hidden')
    public = set()
    for a in curriculum.ASSIGNMENTS.values():
        nb = notebook.read(a.master)
        for cell in nb.cells:
            public.update(line.strip() for line in
                          notebook.source(cell).split('\n'))
    found = set()
    for name in os.listdir(hidden):
        if name.endswith('.py'):
            with open(os.path.join(hidden, name)) as handle:
                for line in handle:
                    line = line.strip()
                    if len(line) >= 30 and line not in public:
                        found.add(line)
    return found


def learner_texts(outcome):
    """(where, text) of everything learners get: feedback HTML, autograded
    and released notebooks, exchange files, result rows and problems."""
    texts = []
    root = outcome.result.get('root', '')
    exchange = outcome.result.get('exchange', '')
    for top in (os.path.join(root, 'feedback'),
                os.path.join(root, 'autograded'), exchange,
                os.path.join(outcome.work, 'learners')):
        for folder, _dirs, files in os.walk(top):
            for name in files:
                path = os.path.join(folder, name)
                if os.path.getsize(path) > 50 * 2 ** 20:
                    continue
                with open(path, 'rb') as handle:
                    raw = handle.read().decode('utf-8', 'replace')
                if name.endswith('.ipynb'):
                    raw = raw.replace('\\n', '\n').replace('\\"', '"')
                texts.append((path, html.unescape(raw)))
    for row in outcome.result.get('rows', []):
        texts.append((f'feedback of {row["student"]}/{row["function"]}',
                      row['feedback'] or ''))
    for s, a, found in outcome.result.get('problems', []):
        texts.append((f'problem of {s}/{a}', ' '.join(found)))
    return texts


def leaks(outcome):
    """Where hidden-check lines reached a learner."""
    secret = secret_lines()
    hits = []
    for where, text in learner_texts(outcome):
        for line in text.split('\n'):
            line = line.strip().strip('"').strip()
            for part in (line, line.split(': ', 1)[-1]):
                if part in secret:
                    hits.append(f'{where}: {part[:80]}')
    return hits


def gradebook_rows(outcome):
    """Every grade in the SQLite gradebook with its cell's maximum."""
    path = os.path.join(outcome.result['root'], 'gradebook.db')
    db = sqlite3.connect(f'file:{path}?mode=ro', uri=True)
    try:
        return db.execute(
            'SELECT student.id, assignment.name, base_cell.name, '
            'grade.auto_score, grade.manual_score, grade.extra_credit, '
            'grade_cells.max_score FROM grade '
            'JOIN base_cell ON grade.cell_id = base_cell.id '
            'JOIN grade_cells ON grade_cells.id = base_cell.id '
            'JOIN submitted_notebook ON grade.notebook_id = '
            'submitted_notebook.id '
            'JOIN submitted_assignment ON submitted_notebook.assignment_id '
            '= submitted_assignment.id '
            'JOIN student ON submitted_assignment.student_id = student.id '
            'JOIN assignment ON submitted_assignment.assignment_id = '
            'assignment.id').fetchall()
    finally:
        db.close()


def same_file(a, b):
    try:
        with open(a, 'rb') as x, open(b, 'rb') as y:
            return x.read() == y.read()
    except OSError:
        return False


if __name__ == '__main__':
    child(sys.argv[1])


# ------------------------------------------------------ shared assertions
def points_of(outcome, assignment):
    from autograder.grade import reference
    ref = reference(assignment)
    return {name: ref.points[name] for name in ref.order}


def case_failures(outcome, case):
    """Why `case` does not meet the required behaviour (empty: it does)."""
    bad = []
    rows = {r['function']: r for r in outcome.rows(case.name,
                                                    case.assignment)}
    problem = outcome.problems(case.name, case.assignment)
    points = points_of(outcome, case.assignment)
    if case.unreadable:
        if not any(w.lower() in problem.lower() for w in case.unreadable):
            bad.append(f'no clear message (expected one of '
                       f'{case.unreadable}), got: {problem[:300]!r}')
        scored = {f: r['score'] for f, r in rows.items() if r['score']}
        if scored:
            bad.append(f'points for an ungradable notebook: {scored}')
        return bad
    for function, top in points.items():
        row = rows.get(function)
        if row is None:
            if case.expected(function, top) or not problem:
                bad.append(f'{function}: not graded ({problem[:200]!r})')
            continue
        want, got = case.expected(function, top), row['score'] or 0
        text = row['feedback'] or ''
        if got != want:
            bad.append(f'{function}: {got:g} points, expected {want:g}: '
                       f'{text[:400]!r}')
        if got < top and '✗' not in text and 'note:' not in text \
                and not problem:
            bad.append(f'{function}: lost points without a message: '
                       f'{text[:200]!r}')
        words = case.words.get(function)
        if words and not any(w.lower() in text.lower() for w in words):
            bad.append(f'{function}: feedback says none of {words}: '
                       f'{text[:400]!r}')
    return bad


def honest_failures(outcome):
    """The honest learners: full marks, the same scores before and after
    the hostile ones, and nothing for the blank notebook graded last."""
    bad = []
    for a in outcome.result['assignments']:
        points = points_of(outcome, a)

        def scores(student):
            return {r['function']: r['score'] for r in outcome.rows(student,
                                                                     a)}
        for student in ('ada0', 'ada9'):
            if scores(student) != points:
                bad.append(f'{student}/{a}: {scores(student)} instead of '
                           'full marks')
        if not scores('cam0') or scores('cam0') != scores('cam9'):
            bad.append(f'cam0/{a} {scores("cam0")} != cam9/{a} '
                       f'{scores("cam9")}')
        blank = scores('ben9')
        if set(blank) != set(points) or any(blank.values()):
            bad.append(f'ben9/{a} (blank, graded last): {blank}')
        for row in outcome.rows('ben9', a):
            if 'not implemented' not in (row['feedback'] or ''):
                bad.append(f'ben9/{a}/{row["function"]}: '
                           f'{row["feedback"][:200]!r}')
    return bad


def course_failures(outcome):
    """Files of the course and exchange that nobody but nbgrader may
    change: submissions as handed in, source = master, release = the
    exchange's copy; the gradebook within its maxima and equal to the
    feedback."""
    bad = []
    root, exchange = outcome.result['root'], outcome.result['exchange']
    collect_cases = {c.name for c in outcome.cases if c.layer == 'collect'}
    assignments = outcome.result['assignments']
    for student, home in outcome.result['learners'].items():
        if student in collect_cases or student == 'ada0' and collect_cases:
            continue
        for a in assignments:
            nb = curriculum.get(a).notebook
            mine = os.path.join(home, a, nb)
            submitted = os.path.join(root, 'submitted', student, a, nb)
            if os.path.exists(submitted) and not same_file(mine, submitted):
                bad.append(f'submitted/{student}/{a} differs from what '
                           f'{student} handed in')
    for a in assignments:
        assignment = curriculum.get(a)
        source = os.path.join(root, 'source', a, assignment.notebook)
        if not same_file(source, assignment.master):
            bad.append(f'source/{a} differs from the master')
        st = os.stat(source)
        if st.st_mode & 0o777 != 0o644 or st.st_mtime < 1e9:
            bad.append(f'source/{a}: mode {oct(st.st_mode)} mtime '
                       f'{st.st_mtime}')
        try:
            os.getxattr(source, f'user.{outcome.token}')
            bad.append(f'source/{a} has an xattr set by a learner')
        except OSError:
            pass
        release = os.path.join(root, 'release', a, assignment.notebook)
        out = os.path.join(exchange, 'dls', 'outbound', a,
                           assignment.notebook)
        if not same_file(release, out):
            bad.append(f'the exchange\'s released {a} differs from release/')
    gradebook = gradebook_rows(outcome)
    table = outcome.table
    for student, a, cell, auto, manual, extra, top in gradebook:
        score = manual if manual is not None else auto
        if score is not None and score > top or extra:
            bad.append(f'gradebook: {student}/{a}/{cell} {auto} {manual} '
                       f'{extra} of {top}')
        if manual is not None:
            bad.append(f'gradebook: {student}/{a}/{cell} has a manual '
                       f'score {manual}')
        name = cell[len('test_'):] if cell.startswith('test_') else cell
        row = table.get((student, a, name))
        if row and score is not None and row['feedback'] and \
                f'{name}: ' in row['feedback'] and \
                f'{name}: {score:g} / {top:g} points' not in row['feedback']:
            bad.append(f'gradebook: {student}/{a}/{cell} = {score} but the '
                       f'feedback says {row["feedback"][:80]!r}')
    for a in assignments:
        points = points_of(outcome, a)
        for student, _a, cell, *_rest, top in gradebook:
            name = cell[len('test_'):]
            if _a == a and points.get(name) != top:
                bad.append(f'gradebook: {student}/{a}/{cell} max {top}')
    return bad


def outside_failures(outcome):
    """Anything a learner changed or left outside its sandbox."""
    bad = [f'changed: {line}' for line in outcome.changed]
    bad += [f'left behind: {path}' for path in outcome.leftovers]
    bad += [f'a process outlived the run: {p}' for p in outcome.survivors]
    bad += [f'network traffic reached the test: {n}'
            for n in outcome.network]
    bad += [f'left in the grader\'s temp folder: {n}'
            for n in outcome.tmp_left]
    if outcome.result.get('nice') != os.getpriority(os.PRIO_PROCESS, 0):
        bad.append(f'the grader\'s priority is {outcome.result.get("nice")}')
    if outcome.result.get('affinity') != sorted(os.sched_getaffinity(0)):
        bad.append(f'the grader\'s CPU affinity is '
                   f'{outcome.result.get("affinity")}')
    return bad


def clean(outcome):
    """Remove a run's folders (course, exchange, learners, logs)."""
    import shutil
    shutil.rmtree(os.path.dirname(outcome.work), ignore_errors=True)
