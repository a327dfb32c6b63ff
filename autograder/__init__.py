"""Grader-only package: hidden checks, mutants, sandbox, nbgrader glue.

Never shipped to learners. See README.md in this folder.
"""
import os
import sys

# nbgrader's gradebook runs the `alembic` script of the interpreter's
# environment; make sure that environment's bin/ is on PATH.
_BIN = os.path.dirname(sys.executable)
if _BIN not in os.environ.get('PATH', '').split(os.pathsep):
    os.environ['PATH'] = _BIN + os.pathsep + os.environ.get('PATH', '')
