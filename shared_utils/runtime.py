"""Tell an interactive learner session from an nbgrader run.

nbgrader sets ``NBGRADER_EXECUTION`` to ``validate`` or ``autograde`` while it
executes a notebook. Long training cells use :func:`pick` so that a Validate
click stays fast, and cells that only report a full run's result skip
themselves with :func:`grading`.
"""
import os


def grading():
    """Return True while nbgrader validates or autogrades this notebook."""
    return os.environ.get('NBGRADER_EXECUTION') is not None


def pick(full, fast):
    """Return `fast` under nbgrader and `full` in a learner's session."""
    return fast if grading() else full


class optional:
    """Run a demo cell of optional exercises only once they are written.

    Used as ``with optional('neutralize'):`` around the lines that call the
    optional functions: while one of them still raises NotImplementedError,
    the cell prints what to write instead of stopping "Run All" with a
    traceback.
    """

    def __init__(self, *names):
        self.names = names

    def __enter__(self):
        return self

    def __exit__(self, kind, err, tb):
        if kind is None or not issubclass(kind, NotImplementedError):
            return False
        plural = 's' if len(self.names) > 1 else ''
        print(f'Skipped: this cell needs {", ".join(self.names)} (optional '
              f'exercise{plural} above), and a function it calls is not '
              'written yet. Write it, then run this cell again.')
        return True
