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
