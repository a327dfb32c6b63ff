"""A newcomer's set-up: `make` (scripts/install.sh) picks a supported Python
and says which, and every set-up failure ends in one sentence saying what to
do; the README lists them; the main job's output is a progress line per
step, without TensorFlow's start-up lines.

The install script runs here with fake interpreters (shell scripts) on a
PATH of our own, so these checks install nothing and take a second.
"""
import os
import re
import shutil
import stat
import subprocess
import sys

import pytest

from autograder import curriculum

REPO = curriculum.REPO
SCRIPT = os.path.join(REPO, 'scripts', 'install.sh')
TOOLS = ['sh', 'uname', 'df', 'awk', 'mktemp', 'grep', 'dirname', 'rm',
         'cat', 'tail', 'date', 'touch', 'mkdir', 'chmod']
DEBIAN_NO_ENSUREPIP = (
    'The virtual environment was not created successfully because ensurepip '
    'is not available.  On Debian/Ubuntu systems, you need to install the '
    'python3-venv package using the following command.')


def _write(path, text):
    with open(path, 'w') as handle:
        handle.write(text)
    os.chmod(path, os.stat(path).st_mode | stat.S_IXUSR)


def fake_python(bin_dir, name, version, status=0, venv='ok', pip_error=''):
    """A shell script that answers scripts/install.sh like a Python would.

    status: what the version probe exits with (0 supported, 3 not, 1 a
    broken pyenv shim); venv: 'ok' (makes a venv whose python fails pip
    with `pip_error`), 'debian' (ensurepip missing) or 'broken'.
    """
    path = os.path.join(bin_dir, name)
    with open(path + '.pip-error', 'w') as handle:
        handle.write(pip_error + '\n')
    pip = f'cat "{path}.pip-error"; exit 1' if pip_error else 'exit 0'
    make_venv = {
        'ok': ('mkdir -p "$3/bin"\n'
               'cat > "$3/bin/python" <<\'EOF\'\n'
               f'#!/bin/sh\n[ "$3" = --version ] && exit 0\n{pip}\nEOF\n'
               'chmod +x "$3/bin/python"; exit 0'),
        'debian': (f'mkdir -p "$3/bin"; echo "{DEBIAN_NO_ENSUREPIP}"; '
                   'exit 1'),
        'broken': 'echo "Error: [Errno 13] Permission denied" >&2; exit 1',
    }[venv]
    probe = ('exit 1' if status == 1 else
             f'echo "{version} {path}"; exit {status}')
    _write(path, f'#!/bin/sh\nif [ "$1" = -c ]; then {probe}; fi\n'
                 f'if [ "$1 $2" = "-m venv" ]; then\n{make_venv}\nfi\n'
                 'exit 2\n')
    return path


@pytest.fixture
def box(tmp_path):
    """A PATH with the shell tools only, an empty HOME, a place for VENV."""
    bin_dir = tmp_path / 'bin'
    bin_dir.mkdir()
    for tool in TOOLS:
        os.symlink(shutil.which(tool), bin_dir / tool)
    (tmp_path / 'home').mkdir()

    class Box:
        bin = str(bin_dir)
        venv = str(tmp_path / 'venv')

        def python(self, *args, **kwargs):
            return fake_python(self.bin, *args, **kwargs)

        def tool(self, name, script):
            os.remove(bin_dir / name)
            _write(str(bin_dir / name), '#!/bin/sh\n' + script + '\n')

        def run(self, python=''):
            env = {'PATH': self.bin, 'HOME': str(tmp_path / 'home'),
                   'TMPDIR': str(tmp_path), 'VENV': self.venv,
                   'PYTHON': python}
            done = subprocess.run(['sh', SCRIPT], cwd=REPO, env=env,
                                  capture_output=True, text=True, timeout=60)
            return done.returncode, done.stdout, done.stderr
    return Box()


def last_sentence(stderr):
    """The one sentence that ends the output: says what to do."""
    line = stderr.strip().splitlines()[-1]
    assert line.endswith('.') and ': ' in line, stderr
    return line


def test_an_unsupported_python_says_which_to_use(box):
    old = box.python('python3.10', '3.10.12', status=3)
    code, _out, err = box.run(python=old)
    assert code == 1
    assert last_sentence(err) == (
        f'PYTHON={old} is Python 3.10.12, but this project needs Python '
        '3.11, 3.12 or 3.13: point PYTHON at one of those, e.g. '
        'make PYTHON=python3.12.')
    assert not os.path.exists(box.venv)


def test_no_supported_python_on_the_machine_names_what_was_found(box):
    box.python('python3', '3.10.12', status=3)
    box.python('python3.14', '3.14.0', status=3)    # not a candidate
    code, _out, err = box.run()
    assert code == 1
    sentence = last_sentence(err)
    assert sentence.startswith('No Python 3.11, 3.12 or 3.13 found '
                               '(python3 is 3.10.12): install one')
    assert 'make PYTHON=/path/to/python3.12' in sentence


def test_a_missing_python_named_by_PYTHON(box):
    code, _out, err = box.run(python='python3.12')
    assert code == 1
    assert last_sentence(err).startswith('PYTHON=python3.12 was not found: ')


def test_make_picks_the_newest_supported_python_that_runs_and_says_so(box):
    box.python('python3.13', '', status=1)          # a pyenv shim, not set
    new = box.python('python3.12', '3.12.1', venv='broken')
    box.python('python3.11', '3.11.7')
    box.python('python3', '3.11.7')
    code, out, err = box.run()
    assert out.startswith(f'Python 3.12.1 ({new}; the newest on PATH; '
                          'make PYTHON=... picks another) for '), out
    assert code == 1
    assert 'Permission denied' in err
    assert last_sentence(err) == (
        f'Python 3.12.1 could not create {box.venv} (output above): fix the '
        'cause shown and run make again.')
    assert not os.path.exists(box.venv)


def test_pyenv_builds_are_found_when_their_shims_are_not_selected(box,
                                                                  tmp_path):
    box.python('python3.12', '', status=1)           # shim of another version
    versions = tmp_path / 'home' / '.pyenv' / 'versions' / '3.12.1' / 'bin'
    versions.mkdir(parents=True)
    real = fake_python(str(versions), 'python3.12', '3.12.1', venv='broken')
    code, out, _err = box.run()
    assert code == 1
    assert out.startswith(f'Python 3.12.1 ({real}; a pyenv build, none on '
                          'PATH; make PYTHON=... picks another) for '), out


def test_no_ensurepip_says_which_debian_package_to_install(box):
    python = box.python('python3.12', '3.12.3', venv='debian')
    code, _out, err = box.run(python=python)
    assert code == 1
    assert last_sentence(err) == (
        'Python 3.12.3 cannot create virtual environments because its '
        'venv/ensurepip part is missing: install it (Debian/Ubuntu: sudo '
        'apt-get install python3.12-venv) and run make again.')
    assert not os.path.exists(box.venv), 'a half-made venv was left behind'


def test_not_enough_disk_for_tensorflow_stops_before_installing(box):
    python = box.python('python3.13', '3.13.0')
    box.tool('df', 'echo "Filesystem 1024-blocks Used Available Capacity '
                   'Mounted"; echo "/dev/x 100000000 99000000 1048576 99% /"')
    code, _out, err = box.run(python=python)
    assert code == 1
    sentence = last_sentence(err)
    assert sentence.startswith('Only 1024 MB are free where ')
    assert 'need about 3 GB: free some space, or put the environment on a ' \
        'bigger disk with make VENV=' in sentence
    assert not os.path.exists(box.venv)


@pytest.mark.parametrize('pip_error, start', [
    ('ERROR: Could not install packages due to an OSError: [Errno 28] No '
     'space left on device', 'The disk filled up while installing: free '
     'about 3 GB where '),
    ("WARNING: Retrying (Retry(total=4)) after connection broken by "
     "'NewConnectionError(\\'Failed to establish a new connection: [Errno "
     "-3] Temporary failure in name resolution\\')'",
     'pip could not reach PyPI: check the network connection'),
    ('ERROR: No matching distribution found for tensorflow-cpu==2.21.0',
     'pip found no wheel of a pinned package for Python 3.13.0 on this '
     'machine: use Python 3.11, 3.12 or 3.13 on Linux x86_64'),
    ('ERROR: something unforeseen', 'pip failed (last lines above, whole '
     'log in '),
], ids=['disk-full', 'offline', 'no-wheel', 'other'])
def test_pip_failures_end_in_one_sentence(box, pip_error, start):
    python = box.python('python3.13', '3.13.0', pip_error=pip_error)
    code, out, err = box.run(python=python)
    assert code == 1
    assert '[1/3] creating' in out
    assert pip_error.split(' ')[1] in err           # the log's tail is shown
    assert last_sentence(err).startswith(start)
    assert not os.path.exists(os.path.join(box.venv, '.installed'))


def test_an_installed_venv_is_reused_and_named(box):
    python = box.python('python3.12', '3.12.1')
    os.makedirs(os.path.join(box.venv, 'bin'))
    shutil.copy(python, os.path.join(box.venv, 'bin', 'python'))
    stamp = os.path.join(box.venv, '.installed')
    open(stamp, 'w').close()
    later = max(os.path.getmtime(os.path.join(REPO, f))
                for f in ('requirements.lock', 'pyproject.toml')) + 10
    os.utime(stamp, (later, later))
    code, out, err = box.run()
    assert (code, out, err) == (0, f'Python 3.12.1 in {box.venv}\n', '')

    other = box.python('python3.13', '3.13.0')
    code, _out, err = box.run(python=other)
    assert code == 1
    assert last_sentence(err) == (
        f'{box.venv} was made with Python 3.12.1, not 3.13.0 '
        f'(PYTHON={other}): remove it with rm -rf {box.venv} to rebuild it '
        'with that Python, or run make without PYTHON=.')


def test_a_venv_of_an_unsupported_python_is_named_with_the_fix(box):
    os.makedirs(os.path.join(box.venv, 'bin'))
    fake_python(os.path.join(box.venv, 'bin'), 'python', '3.10.12', status=3)
    code, _out, err = box.run()
    assert code == 1
    assert last_sentence(err).startswith(
        f'{box.venv} uses Python 3.10.12, which this project does not '
        f'support: remove it with rm -rf {box.venv} and run make again')


def test_other_platforms_are_told_tensorflow_has_no_wheels(box):
    box.tool('uname', '[ "$1" = -s ] && echo Darwin || echo arm64')
    code, _out, err = box.run(python=box.python('python3.12', '3.12.1'))
    assert code == 1
    assert last_sentence(err).startswith(
        'tensorflow-cpu 2.21 publishes no wheels for Darwin arm64: use Linux '
        'on x86_64')


def test_every_place_names_the_same_pythons():
    def read(path):
        with open(os.path.join(REPO, path)) as handle:
            return handle.read()
    assert 'requires-python = ">=3.11,<3.14"' in read('pyproject.toml')
    assert '- python>=3.11,<3.14\n' in read('environment.yml')
    assert '(3, 11) <= v[:2] <= (3, 13)' in read('scripts/install.sh')
    assert 'One lock for Python 3.11, 3.12 and 3.13' in read(
        'requirements.lock').splitlines()[0]
    import test_pythons
    assert test_pythons.VERSIONS == ['3.11', '3.12', '3.13']


# ------------------------------------------------------------- the README
def _readme_section(title):
    text = open(os.path.join(REPO, 'README.md')).read()
    match = re.search(rf'^## {title}\n(.*?)(?=^## |\Z)', text, re.S | re.M)
    assert match, f'README has no "## {title}" section'
    return match.group(1)


def test_readme_states_the_requirements():
    text = open(os.path.join(REPO, 'README.md')).read()
    match = re.search(r'^\*\*Requirements:\*\*(.*?)\n\n', text, re.S | re.M)
    assert match, 'README has no "**Requirements:**" paragraph'
    line = ' '.join(match.group(1).split())
    for part in ('Linux x86_64', 'Python 3.11, 3.12 or 3.13', '3 GB',
                 'make', 'minutes'):
        assert part in line, part


def test_readme_troubleshooting_lists_every_set_up_message():
    section = _readme_section('Troubleshooting')
    script = open(SCRIPT).read().replace('$SUPPORTED', '3.11, 3.12 or 3.13')
    shown = ['cannot create virtual environments because its venv/ensurepip',
             'but this project needs Python 3.11, 3.12 or 3.13',
             'No Python 3.11, 3.12 or 3.13 found',
             'was not found: give the name or path',
             'was made with Python',
             'which this project does not support',
             'is broken (its Python no longer runs)',
             'has no pip (an earlier attempt',
             'TensorFlow and the other pinned packages need about 3 GB',
             'The disk filled up while installing',
             'pip could not reach PyPI',
             'pip found no wheel of a pinned package',
             'publishes no wheels for',
             'pip failed (last lines above']
    for phrase in shown:
        assert phrase in script, phrase
        assert phrase in section, f'README Troubleshooting lacks: {phrase}'
    for phrase in ('make: command not found', 'sudo apt-get install make',
                   'sudo apt-get install chromium', '.venv/install.log',
                   'work/demo.log'):
        assert phrase in section, phrase


def test_browser_tests_say_how_to_get_chromium(monkeypatch):
    sys.path.insert(0, os.path.join(REPO, 'tests', 'browser'))
    import servers
    monkeypatch.setattr(servers.shutil, 'which', lambda name: None)
    with pytest.raises(RuntimeError) as caught:
        servers.launch(playwright=None)
    message = str(caught.value)
    assert message == servers.NO_CHROMIUM
    assert 'sudo apt-get install chromium' in message
    assert 'sudo apt-get install chromium' in _readme_section(
        'Troubleshooting')


# ------------------------------------------------------ the main job
def test_quiet_log_takes_c_level_and_child_stderr(tmp_path, capfd):
    """What C libraries (fd 2) and child processes write goes to the log,
    not the terminal; the terminal gets it back after the block."""
    from autograder import quiet
    log = tmp_path / 'demo.log'
    with quiet.stderr_to(str(log)):
        os.write(2, b'oneDNN custom operations are on\n')
        subprocess.run([sys.executable, '-c',
                        'import sys; sys.stderr.write("from a child")'])
    os.write(2, b'after the block\n')
    assert 'oneDNN' in log.read_text() and 'from a child' in log.read_text()
    err = capfd.readouterr().err
    assert 'oneDNN' not in err and 'from a child' not in err
    assert 'after the block' in err


@pytest.mark.slow
def test_demo_prints_progress_lines_and_no_tensorflow_start_up(tmp_path):
    """The TensorFlow assignment: TF is imported while grading."""
    env = dict(os.environ, PYTHONPATH=REPO, TF_CPP_MIN_LOG_LEVEL='2')
    done = subprocess.run(
        [sys.executable, '-m', 'autograder', '--work', str(tmp_path), 'demo',
         '--assignment', 'C2_W3A1'], cwd=REPO, env=env, capture_output=True,
        text=True, timeout=600)
    out = done.stdout + done.stderr
    assert done.returncode == 0, out
    assert done.stderr == '', done.stderr
    for noise in ('absl', 'oneDNN', 'I0000', 'cpu_feature_guard', 'Warning'):
        assert noise not in out, noise
    steps = [line for line in done.stdout.splitlines()
             if re.match(r'\[\d/5\] ', line)]
    assert [s[:5] for s in steps] == [f'[{i}/5]' for i in range(1, 6)]
    assert all(len(s) < 160 for s in steps), steps
    # TensorFlow now starts only in sandbox children (their stderr is
    # discarded), so the log may be empty; what reaches it: the next test
    assert (tmp_path / 'demo.log').exists()
    assert 'ada' in done.stdout and 'total' in done.stdout
