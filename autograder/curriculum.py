"""Which assignments exist, where their master notebooks live, and their
hidden checks and mutants.

Add an assignment by adding one :class:`Assignment` line here, a master
notebook, ``hidden/<module>.py`` and ``mutants/<module>.py``.
"""
import importlib
import os
from dataclasses import dataclass

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


@dataclass(frozen=True)
class Assignment:
    id: str          # the spec's id, also the nbgrader assignment name
    folder: str      # relative to the repository root
    notebook: str    # master notebook file name
    module: str      # name of the hidden/ and mutants/ modules
    call_s: float = 10.0   # time limit of one call of a learner function
    # One sandbox process for all functions of a notebook (restarted after a
    # crash) instead of one each: for TensorFlow notebooks, whose import
    # takes seconds. Functions still get fresh namespaces.
    shared_sandbox: bool = False
    memory_gb: float = 4.0  # address-space limit of a sandbox process

    @property
    def master(self):
        return os.path.join(REPO, self.folder, self.notebook)

    @property
    def notebook_id(self):
        return os.path.splitext(self.notebook)[0]

    @property
    def hidden(self):
        return importlib.import_module(f'autograder.hidden.{self.module}')

    @property
    def mutants(self):
        return importlib.import_module(f'autograder.mutants.{self.module}')


ASSIGNMENTS = {a.id: a for a in [
    Assignment('C1_W2A1', 'course1/W2A1_python_basics',
               'Python_Basics_with_Numpy.ipynb', 'c1_w2a1'),
    Assignment('C1_W2A2', 'course1/W2A2_logistic_regression',
               'Logistic_Regression_with_a_Neural_Network_mindset.ipynb',
               'c1_w2a2'),
    Assignment('C2_W1A3', 'course2/W1A3_gradient_checking', 'Gradient_Checking.ipynb', 'c2_w1a3'),
]}


def get(assignment_id):
    try:
        return ASSIGNMENTS[assignment_id]
    except KeyError:
        known = ', '.join(ASSIGNMENTS)
        raise KeyError(f'unknown assignment {assignment_id!r}; known: '
                       f'{known}') from None


def find(notebook_name):
    """The assignment whose master notebook has this file or id name."""
    stem = os.path.splitext(os.path.basename(notebook_name))[0]
    for assignment in ASSIGNMENTS.values():
        if assignment.notebook_id == stem:
            return assignment
    raise KeyError(f'no assignment has a notebook called {stem!r}')
