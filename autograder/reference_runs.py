"""What our reference's own run of a spec leaves for grading, kept on disk.

Before grading a learner's function, the grader runs the function's hidden
spec on our reference: the run must pass every check, its number of checks
is the denominator of partial credit, and it records the layout of each
result (which parts are one object). That run costs as much as grading
itself (a ResNet-50 is built twice), and every grading process (each
``nbgrader autograde``, each test worker) used to pay it again.

This module keeps those few numbers in ``$DLS_CACHE/reference_runs/`` as
JSON, under a key that changes whenever anything the run depends on does:
the master notebook, every source file of ``autograder/`` and
``shared_utils/``, the random generator's state, and the versions of
Python, NumPy, TensorFlow and Keras. Set ``DLS_REFERENCE_CACHE=off`` to
run the reference every time.
"""
import functools
import hashlib
import json
import os
import sys
from pathlib import Path

from shared_utils.data import cache_dir

PACKAGES = ('numpy', 'tensorflow', 'keras')


def enabled():
    return os.environ.get('DLS_REFERENCE_CACHE', 'on') != 'off'


@functools.cache
def _sources_digest():
    """One digest of the versions and every source file (once a process)."""
    from importlib.metadata import PackageNotFoundError, version
    repo = Path(__file__).resolve().parent.parent
    h = hashlib.sha256(sys.version.encode())
    for package in PACKAGES:
        try:
            h.update(f'{package}={version(package)}'.encode())
        except PackageNotFoundError:
            h.update(f'{package}=none'.encode())
    for folder in ('autograder', 'shared_utils'):
        for path in sorted((repo / folder).rglob('*.py')):
            if '_cache' in path.parts:
                continue
            h.update(str(path.relative_to(repo)).encode())
            h.update(path.read_bytes())
    return h.hexdigest()


def key(assignment, name, state):
    """The file name for one function's reference run (hex digest)."""
    h = hashlib.sha256(_sources_digest().encode())
    h.update(repr((assignment.id, name, state)).encode())
    h.update(Path(assignment.master).read_bytes())
    return h.hexdigest()


def _path(digest):
    return cache_dir() / 'reference_runs' / f'{digest}.json'


def _layout_to_json(layout):
    if layout is None:
        return None
    pairs, parts = layout
    return [sorted(list(p) for p in pairs), parts]


def _layout_from_json(data):
    if data is None:
        return None
    pairs, parts = data
    return {tuple(p) for p in pairs}, parts


def load(digest):
    """(total, checks_total, layouts) recorded under `digest`, or None."""
    if not enabled():
        return None
    try:
        data = json.loads(_path(digest).read_text())
        return (int(data['total']), int(data['checks_total']),
                [_layout_from_json(x) for x in data['layouts']])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def save(digest, total, checks_total, layouts):
    """Record a passing reference run (atomically: workers may race)."""
    if not enabled():
        return
    path = _path(digest)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f'.{os.getpid()}.tmp')
        tmp.write_text(json.dumps({
            'total': total, 'checks_total': checks_total,
            'layouts': [_layout_to_json(x) for x in layouts]}))
        os.replace(tmp, path)
    except OSError:
        pass           # a read-only cache only costs time
