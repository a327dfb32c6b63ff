"""Build submissions from the master notebooks, without nbgrader."""
import copy
import re

from autograder import course, curriculum, notebook

SOLUTION = re.compile(r'^([ \t]*)### BEGIN SOLUTION.*?### END SOLUTION[^\n]*',
                      re.S | re.M)


def stubbed(src):
    """A master cell as nbgrader's release makes it (the region -> stub)."""
    def stub(match):
        indent = match.group(1)
        return '\n'.join(indent + line for line in course.STUB.split('\n'))
    return SOLUTION.sub(stub, src)


def master(assignment_id):
    return notebook.read(curriculum.get(assignment_id).master)


def submission(assignment_id, sources=None, release=True):
    """The master with solutions stubbed (or kept), graded cells replaced."""
    nb = copy.deepcopy(master(assignment_id))
    sources = sources or {}
    for cell in nb.cells:
        src = notebook.source(cell)
        match = notebook.MARKER.search(src)
        if cell.cell_type != 'code' or not match:
            continue
        name = match.group(1)
        if name in sources:
            cell.source = sources[name]
        elif release:
            cell.source = stubbed(src)
        else:
            cell.source = notebook.solution_source(src)
    return nb


ASSIGNMENTS = sorted(curriculum.ASSIGNMENTS)

