"""Read notebooks and pull out what the grader needs from them.

A graded cell is found by its first-line marker ``# GRADED FUNCTION: name``
(the nbgrader ``grade_id`` is a fallback), so a learner who copies a cell or
loses its metadata is still graded; the last cell defining a name wins, as
it would after "Run All".
"""
import ast
import json
import re

import nbformat

MARKER = re.compile(r'^[ \t]*#[ \t]*GRADED FUNCTION:[ \t]*(\w+)', re.M)


class SubmissionError(Exception):
    """The submission cannot be graded at all (e.g. broken JSON)."""


def read(path):
    """Load a notebook file, with a clear message if it is unreadable."""
    try:
        with open(path, encoding='utf-8') as handle:
            text = handle.read()
    except UnicodeDecodeError as err:
        raise SubmissionError(f'{path} is not UTF-8 text ({err.reason}); '
                              'save the notebook from Jupyter again') from None
    return loads(text, path)


def loads(text, name='notebook'):
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as err:
        raise SubmissionError(
            f'{name} is not valid notebook JSON (line {err.lineno}, column '
            f'{err.colno}: {err.msg}). Was it edited outside Jupyter? Open '
            'it in JupyterLab, fix or re-download it, and submit again.'
        ) from None
    except RecursionError:
        raise SubmissionError(
            f'{name} is JSON nested too deeply to be a notebook. Open it in '
            'JupyterLab, fix or re-download it, and submit again.') from None
    if not isinstance(raw, dict) or not isinstance(raw.get('cells'), list):
        raise SubmissionError(f'{name} is JSON but not a notebook (no cell '
                              'list). Submit the .ipynb file itself.')
    try:
        nb = nbformat.reads(text, as_version=4)
    except Exception as err:  # nbformat raises many kinds
        raise SubmissionError(f'{name} could not be read as a notebook: '
                              f'{err}') from None
    try:   # nbformat only warns; nbgrader would then fail without a word
        nbformat.validate(nb)
    except nbformat.ValidationError as err:
        lines = [line.strip() for line in str(err).splitlines()
                 if line.strip()]
        where = next((line[3:].rstrip(':') for line in lines
                      if line.startswith('On instance')), 'the notebook')
        raise SubmissionError(
            f'{name} is not a valid notebook: {where} — '
            f'{lines[0][:200] if lines else "invalid"}. Was it edited '
            'outside Jupyter? Open it in JupyterLab, fix or re-download it, '
            'and submit again.') from None
    return nb


def _meta(cell):
    return cell.get('metadata', {}).get('nbgrader', {}) or {}


def source(cell):
    src = cell.get('source', '')
    return ''.join(src) if isinstance(src, list) else str(src)


def graded_cells(nb):
    """Map each function name to the sources of the cells that grade it."""
    found = {}
    for cell in nb.get('cells', []):
        if cell.get('cell_type') != 'code':
            continue
        src = source(cell)
        match = MARKER.search(src)
        name = match.group(1) if match else None
        meta = _meta(cell)
        if name is None and meta.get('solution') and meta.get('grade_id'):
            name = meta['grade_id']
        if name:
            found.setdefault(name, []).append(src)
    return found


def test_cells(nb):
    """The ``grade_id``s of autograder test cells, in notebook order."""
    return [_meta(c)['grade_id'] for c in nb.get('cells', [])
            if _meta(c).get('grade') and not _meta(c).get('solution')
            and c.get('cell_type') == 'code']


def cell_by_id(nb, grade_id):
    for cell in nb.get('cells', []):
        if _meta(cell).get('grade_id') == grade_id:
            return cell
    return None


# Imports a graded function never needs: notebook helpers, plotting, files.
# Skipping them keeps each sandbox start fast (matplotlib alone takes ~1 s).
# Provided helper modules (``from shared_utils.activations import relu``)
# stay: the sandbox imports them before its guard forbids reading
# shared_utils, so learner code can use exactly what the notebook imports.
DISPLAY_ONLY = ('shared_utils.data', 'shared_utils.plots',
                'shared_utils.runtime', 'shared_utils.checks', 'matplotlib',
                'IPython', 'PIL', 'h5py', 'tqdm', 'skimage', 'sklearn', 'time')


def _needed(module):
    if module == 'shared_utils':   # `import shared_utils` / `from ... import`
        return False
    return not any(module == m or module.startswith(m + '.')
                   for m in DISPLAY_ONLY)


def prelude(nb):
    """The imports cell's plain imports, minus display-only modules."""
    cell = cell_by_id(nb, 'imports')
    if cell is None:
        return ''
    tree = ast.parse(strip_magics(source(cell)))
    keep = []
    for node in tree.body:
        if isinstance(node, ast.Import):
            names = [a for a in node.names if _needed(a.name)]
            if names:
                keep.append(ast.Import(names=names))
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0 and _needed(node.module or ''):
                keep.append(node)
    return ast.unparse(ast.Module(body=keep, type_ignores=[]))


def strip_magics(src):
    """Blank out IPython magics and shell lines, keeping line numbers."""
    return '\n'.join('' if line.lstrip().startswith(('%', '!')) else line
                     for line in src.split('\n'))


SUSPICIOUS = (
    (re.compile(r'\b(np|numpy|math)\.\w+\s*=(?!=)'),
     'it assigns to an attribute of numpy/math (monkeypatching)'),
    (re.compile(r'\bsys\.modules\b'), 'it edits sys.modules'),
    (re.compile(r'\b(import|from)\s+(autograder|grader|nbgrader)\b'),
     'it imports a grader module'),
    (re.compile(r'\bbuiltins\b'), 'it touches builtins'),
)


def tampering(src):
    """Reasons why a graded cell looks like it tries to fool the grader."""
    return [why for pattern, why in SUSPICIOUS if pattern.search(src)]


def solution_source(src):
    """A master cell as a learner would have written it (no markers)."""
    return '\n'.join(line for line in src.split('\n')
                     if 'BEGIN SOLUTION' not in line
                     and 'END SOLUTION' not in line)
