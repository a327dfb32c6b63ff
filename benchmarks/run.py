"""Speed figures for the closing notes: prints a table.

    make bench        (or: python benchmarks/run.py [--skip-notebooks]
                       [-a C4_W1A2 C5_W1A3 ...])

1. nbgrader autograde per learner and notebook, in one process (the main
   job's loop: 3 learners × every assignment);
2. self-grade (the function grader alone) per notebook;
3. a learner's full top-to-bottom run of each master notebook, and the same
   under nbgrader's Validate (NBGRADER_EXECUTION=validate).

Targets: autograde ≤ 8 s per numpy notebook (issue 2) and ≤ 15 s per
Keras one (courses 4-5); a full learner run ≤ 1 min for courses 1-2 and
≤ 4 min for courses 4-5 (the heaviest ≤ 8 min), ≤ 60 s under Validate.
"""
import argparse
import os
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path[:0] = [REPO, os.path.join(REPO, 'tests')]

from autograder import curriculum, grade, loop, notebook  # noqa: E402
from notebook_runner import execute  # noqa: E402


def run_seconds(assignment_id, env=None):
    """Wall time of a top-to-bottom run of the master notebook."""
    return execute(assignment_id, env=env).metadata['seconds']


def targets(assignment_id):
    """(autograde, full run, Validate-mode run) targets in seconds."""
    a = curriculum.get(assignment_id)
    later = not a.folder.startswith(('course1', 'course2'))
    return (15.0 if a.shared_sandbox else 8.0, 240.0 if later else 60.0,
            60.0 if later else 30.0)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--skip-notebooks', action='store_true')
    parser.add_argument('-a', '--assignment', nargs='+',
                        choices=sorted(curriculum.ASSIGNMENTS),
                        default=list(curriculum.ASSIGNMENTS),
                        help='these assignments only (default: all)')
    args = parser.parse_args()
    ids, rows = args.assignment, []
    with tempfile.TemporaryDirectory() as work:
        summary = loop.run(work, ids, log=lambda *a: None)
    for (student, a), s in sorted(summary['autograde_s'].items()):
        rows.append((f'autograde {a} ({student})', s, targets(a)[0]))
    for a in ids:
        master = notebook.read(curriculum.get(a).master)
        grade.reference(a)
        start = time.monotonic()
        grade.grade_notebook(master, a)
        rows.append((f'self-grade {a}', time.monotonic() - start,
                     targets(a)[0]))
    if not args.skip_notebooks:
        for a in ids:
            rows.append((f'full run {a}', run_seconds(a), targets(a)[1]))
            rows.append((f'validate-mode run {a}', run_seconds(
                a, {'NBGRADER_EXECUTION': 'validate'}), targets(a)[2]))
    width = max(len(r[0]) for r in rows)
    print(f'{"what":<{width}}  {"seconds":>8}  {"target":>7}  ok')
    for what, seconds, target in rows:
        ok = 'yes' if seconds <= target else 'NO'
        print(f'{what:<{width}}  {seconds:8.2f}  {target:7.0f}  {ok}')
    print(f'whole loop (build, release, 3 learners × '
          f'{len(ids)} assignments, autograde, feedback):'
          f' {summary["timings"]["total"]:.1f} s')


if __name__ == '__main__':
    main()
