"""Collect is safe: no link is followed, one learner's broken or oversized
submission stops nobody else, and nobody's submission lands under another
learner's id. Through the formgrader's API (``NbGraderAPI.collect``) and the
plain ``nbgrader collect`` command, in a course built by autograder.course."""
import datetime
import os
import pwd
import shutil
import subprocess
import sys
import time

import pytest
from nbgrader.api import Gradebook
from nbgrader.exchange.default.collect import ExchangeCollect

from autograder import collect, course, curriculum, loop

A = 'C1_W2A1'
NB = curriculum.get(A).notebook
T0 = datetime.datetime(2030, 5, 1, 10, 0, 0)
ROOT = os.geteuid() == 0
OPENED = []          # paths opened while a test records them (audit hook)


def _audit(event, args):
    if OPENED and event == 'open' and isinstance(args[0], str):
        OPENED.append((args[0], args[2] if len(args) > 2 else 0))


sys.addaudithook(_audit)


@pytest.fixture(scope='module')
def built(tmp_path_factory):
    work = tmp_path_factory.mktemp('collect')
    paths = course.build(str(work / 'course'), [A])
    api = loop.instructor_api(paths['root'])
    loop._check(api.generate_assignment(A), 'generate')
    loop._check(api.release_assignment(A), 'release')
    return paths


@pytest.fixture
def cs(built):
    """The course with an empty inbound and nothing collected."""
    inbound = os.path.join(built['exchange'], course.COURSE_ID, 'inbound')
    for name in os.listdir(inbound):
        path = os.path.join(inbound, name)
        if os.path.isdir(path) and not os.path.islink(path):
            shutil.rmtree(path)
        else:
            os.unlink(path)
    shutil.rmtree(os.path.join(built['root'], 'submitted'), ignore_errors=True)
    with Gradebook(f"sqlite:///{built['root']}/gradebook.db",
                   course.COURSE_ID) as gb:
        gb.update_or_create_assignment(A, duedate=None)
    return dict(built, inbound=inbound)


def stamp(minutes=0):
    when = T0 + datetime.timedelta(minutes=minutes)
    return when.strftime('%Y-%m-%d %H:%M:%S.%f') + ' UTC'


def submit(cs, student, minutes=0, files=None, owner=None, name=None,
           timestamp_txt=None):
    """An inbound folder as ``nbgrader submit`` writes it (files: relative
    path -> bytes, or a callable that makes the file)."""
    name = name or f'{student}+{A}+{stamp(minutes)}+rnd{minutes}'
    path = os.path.join(cs['inbound'], name)
    os.makedirs(path)
    if files is None:
        files = {NB: f'{student} at {minutes}'.encode()}
    for rel, content in files.items():
        target = os.path.join(path, rel)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        if callable(content):
            content(target)
        else:
            with open(target, 'wb') as handle:
                handle.write(content)
    if timestamp_txt is not False:
        with open(os.path.join(path, 'timestamp.txt'), 'w') as handle:
            handle.write(stamp(minutes) if timestamp_txt is None
                         else timestamp_txt)
    with open(os.path.join(path, 'submission_secret.txt'), 'w') as handle:
        handle.write('secret')
    if owner is not None:
        uid = pwd.getpwnam(owner).pw_uid
        for folder, dirs, names in os.walk(path):
            for entry in [folder] + [os.path.join(folder, n)
                                     for n in dirs + names]:
                os.lchown(entry, uid, -1)
    return path


def link(target):
    return lambda path: os.symlink(target, path)


def sparse(size):
    def make(path):
        with open(path, 'wb') as handle:
            handle.truncate(size)
    return make


def run(cs, update=True, **config):
    """Collect through the formgrader's API; return the captured log."""
    api = loop.instructor_api(cs['root'])
    for key, value in config.items():
        section, trait = key.split('__')
        setattr(api.config[section], trait, value)
    api = type(api)(config=api.config)
    result = api.collect(A, update=update)
    assert result['success'], result
    return result['log']


def collected(cs, student):
    folder = os.path.join(cs['root'], 'submitted', student, A)
    if not os.path.isdir(folder):
        return None
    return {os.path.relpath(os.path.join(d, f), folder): open(
        os.path.join(d, f), 'rb').read() for d, _s, fs in os.walk(folder)
        for f in fs if f not in ('timestamp.txt', 'submission_secret.txt')}


def test_course_config_selects_safe_collect(cs):
    api = loop.instructor_api(cs['root'])
    app = api.exchange.Collect(coursedir=api.coursedir,
                               authenticator=api.authenticator, parent=api)
    assert isinstance(app, collect.SafeCollect)


def test_a_real_nbgrader_submit_is_collected_and_identity_said_once(cs):
    home = os.path.join(os.path.dirname(cs['root']), 'learners', 'ada')
    course.learner(home, 'ada', cs['exchange'])
    lapi = loop.learner_api(home, 'ada', cs['exchange'])
    loop._check(loop.exchange_step(lapi, 'FetchAssignment', A), 'fetch')
    loop.fill(os.path.join(home, A, NB), loop.perfect(A))
    loop._check(loop.exchange_step(lapi, 'Submit', A), 'submit')
    submit(cs, 'ben')
    submit(cs, 'cam')
    log = run(cs)
    assert collected(cs, 'ada') == {NB: open(os.path.join(home, A, NB),
                                             'rb').read()}
    assert collected(cs, 'ben') and collected(cs, 'cam')
    me = pwd.getpwuid(os.geteuid()).pw_name
    assert log.count('single-user setup') == 1, log
    assert f'3 submission(s) belong to {me}' in log
    assert 'cheating attempt' not in log and 'WARNING' not in log, log


def test_symlinks_are_never_followed(cs):
    master = os.path.join(cs['root'], 'source', A, NB)
    ada = submit(cs, 'ada', files={NB: link(master)})
    submit(cs, 'ben', files={NB: link('/etc/passwd')})
    submit(cs, 'cam', files={NB: link(os.path.join(ada, 'timestamp.txt'))})
    submit(cs, 'dan', files={NB: b'dan real', 'data': link('/etc'),
                             'big.bin': link('/dev/zero'),
                             'sub/x.ipynb': link(master)})
    huge = os.path.join(os.path.dirname(cs['root']), 'huge.bin')
    sparse(10**10)(huge)
    submit(cs, 'fay', files={NB: b'fay real', 'huge.bin': link(huge)})
    os.symlink(ada, os.path.join(cs['inbound'], f'eve+{A}+{stamp()}+x'))
    OPENED.append('start')
    try:
        log = run(cs)
    finally:
        opened, OPENED[:] = OPENED[1:], []
    for student in ('ada', 'ben', 'cam'):
        assert collected(cs, student) == {}, student
        assert f"{student} {A}: skipped '{NB}': a symbolic link" in log
    assert f"'{NB}': a symbolic link (to '{master}')" in log
    assert collected(cs, 'dan') == {NB: b'dan real'}
    for rel in ('data', 'big.bin', 'sub/x.ipynb'):
        assert f"dan {A}: skipped '{rel}': a symbolic link" in log
    assert collected(cs, 'fay') == {NB: b'fay real'}
    assert collected(cs, 'eve') is None
    assert "(learner 'eve'): it is a symbolic link" in log
    # Files and folders inside a submission are opened by name relative to
    # their folder, never following a link; no link target is opened.
    inbound = [(p, f) for p, f in opened if not os.path.isabs(p)
               or p.startswith(cs['inbound'])]
    assert len(inbound) > 10
    assert all(flags & os.O_NOFOLLOW for _p, flags in inbound), inbound
    targets = {master, '/etc/passwd', '/etc', '/dev/zero', huge,
               os.path.join(ada, 'timestamp.txt')}
    assert not targets & {p for p, _f in opened}


def test_hard_links_are_skipped(cs):
    master = os.path.join(cs['root'], 'source', A, NB)
    submit(cs, 'ada', files={NB: lambda path: os.link(master, path),
                             'notes.txt': b'mine'})
    log = run(cs)
    assert collected(cs, 'ada') == {'notes.txt': b'mine'}
    assert f"ada {A}: skipped '{NB}': a hard link (2 names" in log


def test_oversized_and_malformed_submissions_stop_nobody_else(cs):
    submit(cs, 'ada')
    submit(cs, 'ben', files={NB: sparse(150 * 10**6)})
    submit(cs, 'cam', files={NB: b'x', **{f'f/{i}.txt': b'' for i in
                                          range(1200)}})
    submit(cs, 'dan', files={NB: b'x', '/'.join('d' * 12) + '/y': b''})
    submit(cs, 'eve', files={NB: b'x', 'a.bin': sparse(60 * 10**6),
                             'b.bin': sparse(60 * 10**6)})
    open(os.path.join(cs['inbound'], f'fay+{A}+{stamp()}+x'), 'w').close()
    submit(cs, 'gil', timestamp_txt='garbage')
    submit(cs, 'hal', timestamp_txt=False)
    submit(cs, 'ivy', name=f'ivy+{A}+not a time+x')
    submit(cs, 'jon', name=f'..+{A}+{stamp()}+x')
    submit(cs, 'kim', files={NB: b'kim real', 'pipe': os.mkfifo,
                             'tiny.bin': sparse(101 * 10**6)})
    submit(cs, 'mia', minutes=0, files={NB: b'mia earlier'})
    submit(cs, 'mia', minutes=5, files={NB: sparse(200 * 10**6)})
    submit(cs, 'ned', timestamp_txt=stamp(-60))
    log = run(cs)
    assert collected(cs, 'ada') == {NB: b'ada at 0'}
    assert collected(cs, 'kim') == {NB: b'kim real'}
    assert "kim C1_W2A1: skipped 'pipe': not a regular file" in log
    assert "skipped 'tiny.bin': 101.0 MB, over the limit" in log
    assert collected(cs, 'mia') == {NB: b'mia earlier'}
    assert 'of mia: the notebook' in log
    assert 'their previous submission is tried instead' in log
    reasons = {
        'ben': f"the notebook '{NB}' is 150.0 MB, over the limit of 100.0 MB",
        'cam': 'more than 1000 files and folders',
        'dan': 'nests folders more than 10 deep',
        'eve': 'more than 100.0 MB in all',
        'fay': 'it is not a folder',
        'gil': "its timestamp.txt holds 'garbage' is not a timestamp",
        'hal': 'its timestamp.txt is missing',
        'ivy': "the timestamp in its name 'not a time' is not a timestamp",
        'jon': "'..' is not a valid learner id",
        'ned': 'its timestamp.txt says',
    }
    for student, reason in reasons.items():
        assert collected(cs, student) is None, student
        line = next((l for l in log.splitlines() if reason in l), '')
        assert student in line or student == 'jon', (student, log)
    assert not os.path.exists(os.path.join(cs['root'], 'submitted', '..',
                                           A))
    leftovers = [n for d, ns, _f in os.walk(cs['root']) for n in ns
                 if n.startswith('.collecting-')]
    assert not leftovers


def test_an_unreadable_or_crashing_submission_stops_nobody_else(
        cs, monkeypatch):
    submit(cs, 'ada')
    submit(cs, 'ben', files={NB: b'x', 'secret.txt': b'no'})
    submit(cs, 'cam')
    real_open, real_copy = os.open, collect.copy_submission

    def unreadable(path, *args, **kwargs):
        if path == 'secret.txt':
            raise PermissionError(13, 'Permission denied', path)
        return real_open(path, *args, **kwargs)

    def crash(src, *args, **kwargs):
        if '/cam+' in src:
            raise RuntimeError('disk on fire')
        return real_copy(src, *args, **kwargs)

    monkeypatch.setattr(os, 'open', unreadable)
    monkeypatch.setattr(collect, 'copy_submission', crash)
    log = run(cs)
    assert collected(cs, 'ada') == {NB: b'ada at 0'}
    assert collected(cs, 'ben') is None and collected(cs, 'cam') is None
    assert "of ben: it cannot be read (Permission denied: 'secret.txt')" in log
    assert f'Could not collect cam {A}: RuntimeError: disk on fire' in log


STEPS = ('Processing', 'Collecting submission', 'Updating submission',
         'Submission already exists', 'No newer submission', 'No submissions')


def _steps(log):
    """nbgrader's own progress lines."""
    return [line.split('] ', 1)[1] for line in log.splitlines()
            if line.split('] ', 1)[-1].startswith(STEPS)]


@pytest.mark.parametrize('update,before', [(False, False), (True, False),
                                           (False, True), (True, True)])
def test_latest_update_and_before_duedate_as_in_stock_nbgrader(
        cs, update, before):
    """Two rounds of submissions, collected by nbgrader's own class and by
    ours: the same submission is taken, with the same messages."""
    with Gradebook(f"sqlite:///{cs['root']}/gradebook.db",
                   course.COURSE_ID) as gb:
        gb.update_or_create_assignment(A, duedate=T0 + datetime.timedelta(
            minutes=7))
    config = dict(ExchangeCollect__before_duedate=before)
    taken = {}
    for cls in (ExchangeCollect, collect.SafeCollect):
        shutil.rmtree(os.path.join(cs['root'], 'submitted'),
                      ignore_errors=True)
        for name in os.listdir(cs['inbound']):
            shutil.rmtree(os.path.join(cs['inbound'], name))
        submit(cs, 'ada', minutes=0)
        submit(cs, 'ada', minutes=5)
        submit(cs, 'ben', minutes=1)
        logs = [run(cs, ExchangeFactory__collect=cls, **config)]
        first = collected(cs, 'ada')
        submit(cs, 'ada', minutes=10)
        submit(cs, 'ada', minutes=3)
        logs.append(run(cs, update=update, ExchangeFactory__collect=cls,
                        **config))
        taken[cls] = (first, collected(cs, 'ada'), collected(cs, 'ben'),
                      [_steps(log) for log in logs])
    assert taken[collect.SafeCollect] == taken[ExchangeCollect]
    first, second, ben, _logs = taken[collect.SafeCollect]
    assert first == {NB: b'ada at 5'} and ben == {NB: b'ben at 1'}
    assert second == {NB: b'ada at 10' if update and not before
                      else b'ada at 5'}


def test_outcomes_per_learner_for_a_parallel_path(cs):
    """The class is usable without the app: outcomes per learner."""
    submit(cs, 'ada')
    submit(cs, 'ben', files={NB: sparse(150 * 10**6)})
    api = loop.instructor_api(cs['root'])
    api.coursedir.assignment_id = A
    app = api.exchange.Collect(coursedir=api.coursedir,
                               authenticator=api.authenticator, parent=api)
    app.start()
    assert app.outcomes == {'ada': 'collected', 'ben': 'skipped'}
    assert [r.student for r in app.plan['ada']] == ['ada']
    assert app.collect_learner('ada', app.plan['ada']) == 'unchanged'


def _useradd(name):
    for _ in range(20):      # another process may hold /etc/passwd's lock
        done = subprocess.run(['useradd', '-M', '-N', '-s',
                               '/usr/sbin/nologin', name],
                              capture_output=True, text=True)
        if done.returncode == 0:
            return
        time.sleep(0.5)
    raise RuntimeError(f'useradd {name}: {done.stderr}')


@pytest.fixture(scope='module')
def users():
    """Three real OS accounts (ada, eve, and jane's login 'jd...')."""
    if not ROOT or not shutil.which('useradd'):
        pytest.skip('creating OS users needs root and useradd: the '
                    'multi-user identity check is not run here')
    names = [f'agc{os.getpid()}{x}' for x in ('ada', 'eve', 'jd')]
    made = []
    try:
        for name in names:
            _useradd(name)
            made.append(name)
        yield names
    finally:
        for name in made:
            subprocess.run(['userdel', name], capture_output=True)


def test_a_learner_cannot_submit_as_another(cs, users):
    ada, eve, jane = users
    submit(cs, ada, minutes=0, owner=ada, files={NB: b'ada own'})
    log = run(cs)
    assert collected(cs, ada) == {NB: b'ada own'}
    # eve, later, declares ada's id; and hands in her own with ada's file
    submit(cs, ada, minutes=5, owner=eve, files={NB: b'eve as ada'})
    mine = submit(cs, eve, minutes=5, owner=eve,
                  files={NB: b'eve own', 'stolen.txt': b'of ada'})
    os.lchown(os.path.join(mine, 'stolen.txt'), pwd.getpwnam(ada).pw_uid, -1)
    submit(cs, 'jane', minutes=5, owner=jane, files={NB: b'jane own'})
    submit(cs, 'kim', minutes=5, owner=jane, files={NB: b'jane as kim'})
    config = dict(SafeCollect__owner_map={jane: 'jane'})
    log = run(cs, **config)
    assert (f"skipped 'stolen.txt': it belongs to {ada}, not to {eve} who "
            'submitted') in log
    for update in (True, False):
        log = log if update else run(cs, update=update, **config)
        assert collected(cs, ada) == {NB: b'ada own'}
        assert (f"it names learner '{ada}' but belongs to the OS account "
                f"'{eve}' (learner '{eve}')") in log
        assert collected(cs, eve) == {NB: b'eve own'}
        assert collected(cs, 'jane') == {NB: b'jane own'}
        assert collected(cs, 'kim') is None
        assert f"belongs to the OS account '{jane}' (learner 'jane')" in log
        assert 'single-user setup' not in log and 'cheating' not in log
    # Collected afresh, ada gets her own (earlier) submission, not eve's.
    shutil.rmtree(os.path.join(cs['root'], 'submitted'))
    run(cs, **config)
    assert collected(cs, ada) == {NB: b'ada own'}


@pytest.mark.slow
def test_plain_nbgrader_collect_command(cs, users):
    """The instructor's own command, on a hostile inbound."""
    ada, eve, _jane = users
    master = os.path.join(cs['root'], 'source', A, NB)
    submit(cs, ada, owner=ada, files={NB: b'ada own'})
    submit(cs, ada, minutes=5, owner=eve, files={NB: b'eve as ada'})
    submit(cs, 'ben', files={NB: link(master)})
    submit(cs, 'cam', files={NB: sparse(150 * 10**6)})
    submit(cs, 'dan', timestamp_txt='garbage')
    submit(cs, 'fay', files={NB: b'fay own', 'etc': link('/etc')})
    done = subprocess.run(
        [sys.executable, '-m', 'nbgrader', 'collect', A], cwd=cs['root'],
        capture_output=True, text=True, timeout=300)
    out = done.stdout + done.stderr
    assert done.returncode == 0, out
    assert collected(cs, ada) == {NB: b'ada own'}
    assert collected(cs, 'fay') == {NB: b'fay own'}
    assert collected(cs, 'ben') == {}
    assert collected(cs, 'cam') is None and collected(cs, 'dan') is None
    for text in (f"it names learner '{ada}' but belongs to the OS account",
                 f"ben {A}: skipped '{NB}': a symbolic link",
                 f"fay {A}: skipped 'etc': a symbolic link",
                 'of cam: the notebook', "(learner 'dan')"):
        assert text in out, (text, out)
