"""A quiet main job: one progress line per step on the terminal, while
what C libraries, warnings and child processes write to stderr (TensorFlow's
start-up lines, for one) goes to a log file."""
import contextlib
import os
import sys


@contextlib.contextmanager
def stderr_to(path):
    """Point file descriptor 2 at `path` for the block; restore it after.

    If the block raises, the error still reaches the terminal (it is
    printed after the restore), followed by where the log is.
    """
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    sys.stderr.flush()
    saved = os.dup(2)
    with open(path, 'w') as log:
        os.dup2(log.fileno(), 2)
    try:
        yield path
    except BaseException:
        _restore(saved)
        print(f'(messages written to stderr during this run: {path})',
              file=sys.stderr, flush=True)
        raise
    else:
        _restore(saved)


def _restore(saved):
    sys.stderr.flush()
    os.dup2(saved, 2)
    os.close(saved)


def progress(line):
    print(line, flush=True)
