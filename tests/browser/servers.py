"""Start JupyterLab servers for browser tests, and a headless Chromium.

Each person gets their own server on 127.0.0.1: learners in their home
folder with the learner settings written by ``autograder.course.learner``,
the instructor in the course directory with the formgrader.
"""
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request

TOKEN = 'browser-test-token'
CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu',
                 '--disable-quic', '--no-first-run',
                 '--disable-background-networking',
                 '--disable-component-update', '--disable-sync']
NO_CHROMIUM = ("Chromium is not installed, so the browser tests cannot run: "
               "install Debian's chromium (sudo apt-get install chromium; "
               "bash .ci/run does it when run as root) and run them again.")


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


class Lab:
    """A JupyterLab server rooted at `root`, stopped with :meth:`stop`."""

    def __init__(self, root, config_dir, env=None, log=None):
        self.port = free_port()
        self.base = f'http://127.0.0.1:{self.port}'
        settings = os.path.join(config_dir, 'lab-user-settings')
        workspaces = os.path.join(config_dir, 'lab-workspaces')
        # no "news" toast, no restored layout from an earlier run
        notify = os.path.join(settings, '@jupyterlab', 'apputils-extension')
        os.makedirs(notify, exist_ok=True)
        with open(os.path.join(notify, 'notification.jupyterlab-settings'),
                  'w') as handle:
            handle.write('{"fetchNews": "false", "checkForUpdates": false}')
        # render every cell, so the page holds all outputs to check
        tracker = os.path.join(settings, '@jupyterlab', 'notebook-extension')
        os.makedirs(tracker, exist_ok=True)
        with open(os.path.join(tracker, 'tracker.jupyterlab-settings'),
                  'w') as handle:
            handle.write('{"windowingMode": "none", '
                         '"autoStartDefaultKernel": true}')
        full_env = dict(os.environ, JUPYTER_CONFIG_DIR=config_dir,
                        JUPYTERLAB_SETTINGS_DIR=settings,
                        JUPYTERLAB_WORKSPACES_DIR=workspaces,
                        TF_CPP_MIN_LOG_LEVEL='2', **(env or {}))
        command = [sys.executable, '-m', 'jupyter', 'lab', '--no-browser',
                   '--ip=127.0.0.1', f'--port={self.port}',
                   '--ServerApp.port_retries=0',
                   f'--IdentityProvider.token={TOKEN}',
                   f'--ServerApp.root_dir={root}']
        if os.geteuid() == 0:
            command.append('--allow-root')
        self.log = open(log or os.devnull, 'w')
        self.proc = subprocess.Popen(command, cwd=root, env=full_env,
                                     stdout=self.log, stderr=subprocess.STDOUT,
                                     start_new_session=True)
        self._wait()

    def _wait(self, seconds=120):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                self.get('/api/status')
                return
            except OSError:
                if self.proc.poll() is not None:
                    raise RuntimeError('jupyter lab exited at start')
                time.sleep(0.5)
        raise RuntimeError('jupyter lab did not start')

    def get(self, path, timeout=30):
        req = urllib.request.Request(
            self.base + path, headers={'Authorization': f'token {TOKEN}'})
        with urllib.request.urlopen(req, timeout=timeout) as response:
            return response.read().decode()

    def url(self, path):
        sep = '&' if '?' in path else '?'
        return f'{self.base}{path}{sep}token={TOKEN}'

    def stop(self):
        try:
            os.killpg(self.proc.pid, signal.SIGTERM)
            self.proc.wait(timeout=20)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(self.proc.pid, signal.SIGKILL)
        self.log.close()


def chromium_path():
    return shutil.which('chromium') or shutil.which('chromium-browser')


def launch(playwright):
    if chromium_path() is None:
        raise RuntimeError(NO_CHROMIUM)
    return playwright.chromium.launch(executable_path=chromium_path(),
                                      headless=True, args=CHROMIUM_ARGS)
