"""Mutation score of the hidden checks, per graded function: a table.

    python benchmarks/mutation_score.py [-a C1_W2A1 ...] [-f softmax ...]
                                        [--survivors] [--equivalents]
                                        [--at-most N]

Generated mutants (``autograder/mutation.py``: operator swaps, constants
±1/×2, dropped terms, ``axis``/``keepdims`` flips …) of every reference
solution; the equivalent ones (same behaviour on the spec's inputs under
other seeds) are dropped, the rest graded with the hidden checks
(``autograder/mutation_score.py``). Target (issue 4): every graded function
of courses 1–2 at ≥ 95 % killed.
"""
import argparse
import os
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path[:0] = [REPO]

from autograder import curriculum, grade  # noqa: E402
from autograder.mutation_score import score_function  # noqa: E402

TARGET = 0.95


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('-a', '--assignment', nargs='*',
                        help='assignment ids (default: all)')
    parser.add_argument('-f', '--function', nargs='*',
                        help='graded function names (default: all)')
    parser.add_argument('--survivors', action='store_true',
                        help='list the mutants no hidden check catches and '
                        'those a spec crashes on')
    parser.add_argument('--equivalents', action='store_true',
                        help='list the mutants judged equivalent')
    parser.add_argument('--at-most', type=int, default=None, metavar='N',
                        help='about N mutants per function, evenly spread '
                        '(a quick look)')
    args = parser.parse_args(argv)
    start = time.monotonic()
    ids = args.assignment or list(curriculum.ASSIGNMENTS)
    rows, low = [], []
    header = (f'{"assignment":<9} {"function":<42} {"gen":>5} {"equiv":>5} '
              f'{"killed":>6} {"err":>4} {"score":>7} {"s":>6}')
    print(header)
    print('-' * len(header))
    for assignment_id in ids:
        ref = grade.reference(assignment_id)
        for name in ref.order:
            if args.function and name not in args.function:
                continue
            r = score_function(assignment_id, name, at_most=args.at_most)
            rows.append(r)
            flag = '' if r.score >= TARGET else '  < 95 %'
            print(f'{assignment_id:<9} {name:<42} {r.generated:>5} '
                  f'{r.count("equivalent"):>5} {r.count("killed"):>6} '
                  f'{r.count("spec error"):>4} '
                  f'{100 * r.score:>6.1f}% {r.seconds:>6.1f}{flag}',
                  flush=True)
            if r.score < TARGET:
                low.append(f'{assignment_id}.{name}')
            for o in r.outcomes:
                if (o.status in ('survived', 'spec error')
                        and args.survivors) or (
                        o.status == 'equivalent' and args.equivalents):
                    m = o.mutant
                    print(f'    {o.status} [{m.operator}] line {m.line}: '
                          f'{m.description}  {o.detail}')
    gen = sum(r.generated for r in rows)
    eq = sum(r.count('equivalent') for r in rows)
    killed = sum(r.count('killed') for r in rows)
    errors = sum(r.count('spec error') for r in rows)
    print('-' * len(header))
    total = killed / (gen - eq) if gen > eq else 1.0
    print(f'{"total":<9} {f"{len(rows)} functions":<42} {gen:>5} {eq:>5} '
          f'{killed:>6} {errors:>4} {100 * total:>6.1f}%')
    print(f'{time.monotonic() - start:.1f} s; below {TARGET:.0%}: '
          + (', '.join(low) if low else 'none'))
    return 1 if low else 0


if __name__ == '__main__':
    sys.exit(main())
