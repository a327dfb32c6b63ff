"""Per-learner × per-function scores: read, export (CSV, JSON), print."""
import csv
import json
import os

from nbgrader.api import Gradebook

from . import course, notebook


def _messages(root, student, assignment, notebook_id):
    """Verdict text of each test cell in the autograded notebook."""
    path = os.path.join(root, 'autograded', student, assignment,
                        f'{notebook_id}.ipynb')
    if not os.path.exists(path):
        return {}
    found = {}
    for cell in notebook.read(path).cells:
        grade_id = cell.get('metadata', {}).get('nbgrader', {}).get('grade_id')
        if grade_id and cell.get('outputs'):
            found[grade_id] = ''.join(
                o.get('text', '') for o in cell.outputs
                if o.get('output_type') == 'stream').strip()
    return found


def collect(root, problems=None):
    """One row per learner, assignment and graded function.

    `problems` maps (student, assignment) to why nbgrader could not grade
    that submission; those rows carry the reason as their feedback.
    """
    problems = problems or {}
    rows = []
    with Gradebook(f'sqlite:///{root}/gradebook.db', course.COURSE_ID) as gb:
        for assignment in gb.assignments:
            for nb in assignment.notebooks:
                for sub in gb.notebook_submissions(nb.name, assignment.name):
                    student = sub.student.id
                    texts = _messages(root, student, assignment.name, nb.name)
                    problem = ' '.join(problems.get(
                        (student, assignment.name), []))
                    for grade in sorted(sub.grades, key=lambda g: g.id):
                        name = grade.name
                        rows.append({
                            'student': student,
                            'assignment': assignment.name,
                            'function': name[5:] if name.startswith('test_')
                            else name,
                            'score': grade.score,
                            'max_score': grade.max_score,
                            'feedback': texts.get(name, problem),
                        })
    rows.sort(key=lambda r: (r['assignment'], r['student'], _position(r)))
    return rows


def _position(row):
    """Where a function stands in its notebook (test-cell order)."""
    from .grade import reference
    try:
        return reference(row['assignment']).order.index(row['function'])
    except (KeyError, ValueError):
        return len(row['function'])


def export(rows, directory):
    """Write scores.csv and scores.json; return their paths."""
    os.makedirs(directory, exist_ok=True)
    csv_path = os.path.join(directory, 'scores.csv')
    json_path = os.path.join(directory, 'scores.json')
    with open(csv_path, 'w', newline='') as handle:
        writer = csv.DictWriter(handle, fieldnames=[
            'student', 'assignment', 'function', 'score', 'max_score'],
            extrasaction='ignore')
        writer.writeheader()
        writer.writerows(rows)
    with open(json_path, 'w') as handle:
        json.dump(rows, handle, indent=1)
    return csv_path, json_path


def table(rows):
    """Functions down, learners across, one block per assignment."""
    lines = []
    students = sorted({r['student'] for r in rows})
    for assignment in sorted({r['assignment'] for r in rows}):
        mine = [r for r in rows if r['assignment'] == assignment]
        functions = list(dict.fromkeys(r['function'] for r in mine))
        width = max(len(f) for f in functions + ['function', 'total'])
        lines.append(f'{assignment}')
        lines.append(f'  {"function":<{width}}  ' + '  '.join(
            f'{s:>9}' for s in students))
        for fn in functions + ['total']:
            cells = []
            for s in students:
                got = [r for r in mine if r['student'] == s
                       and (fn == 'total' or r['function'] == fn)]
                score = sum(r['score'] or 0 for r in got)
                top = sum(r['max_score'] for r in got)
                cells.append(f'{score:>5g}/{top:<3g}' if got else f'{"-":>9}')
            lines.append(f'  {fn:<{width}}  ' + '  '.join(cells))
        lines.append('')
    return '\n'.join(lines)
