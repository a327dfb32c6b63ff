"""Command line: ``python -m autograder <command>`` (see ``--help``)."""
import argparse
import os
import subprocess
import sys
import time

from . import curriculum

WORK = os.path.join(curriculum.REPO, 'work')


def cmd_demo(args):
    from nbgrader.api import Gradebook
    from nbgrader.plugins import CsvExportPlugin

    from . import course, loop, quiet, scores
    log = os.path.join(args.work, 'demo.log')
    quiet.progress('Running the course loop: build, release, 3 learners, '
                   'collect, autograde, feedback, export (TensorFlow and '
                   f'other messages: {log}) …')
    with quiet.stderr_to(log):
        summary = loop.run(os.path.join(args.work, 'demo'), args.assignment,
                           log=quiet.progress)
    root = summary['root']
    rows = scores.collect(root, summary['problems'])
    print()
    print(scores.table(rows))
    csv_path, json_path = scores.export(rows, os.path.join(root, 'export'))
    grades = os.path.join(root, 'export', 'grades.csv')
    with Gradebook(f'sqlite:///{root}/gradebook.db', course.COURSE_ID) as gb:
        CsvExportPlugin(to=grades).export(gb)
    print('Learners: ada = perfect, ben = blank (untouched release), '
          'cam = realistic bugs')
    print(f'Per-function scores:  {csv_path}')
    print(f'                      {json_path}')
    print(f'nbgrader grades.csv:  {grades}')
    print(f'Feedback HTML:        {os.path.join(root, "feedback")}'
          '/<learner>/<assignment>/*.html')
    print(f'  (learners fetched theirs into '
          f'{os.path.join(args.work, "demo", "learners")}'
          '/<learner>/<assignment>/feedback/)')
    print('Timings: ' + ', '.join(f'{k} {v:.1f} s'
                                  for k, v in summary['timings'].items()))
    failed = [k for k, ok in summary['graded'].items() if not ok]
    return 1 if failed else 0


def cmd_build_course(args):
    from . import course
    paths = course.build(args.dir, args.assignment, fresh=args.fresh)
    print(f'Course directory: {paths["root"]}\nExchange: {paths["exchange"]}')
    print('Next, inside the course directory: nbgrader generate_assignment '
          f'{paths["assignments"][0]} && nbgrader release_assignment '
          f'{paths["assignments"][0]}')
    return 0


def cmd_selfgrade(args):
    from . import grade, notebook
    start = time.monotonic()
    try:
        assignment_id = args.assignment or curriculum.find(args.notebook).id
        results = grade.grade_path(args.notebook, assignment_id)
    except (notebook.SubmissionError, KeyError) as err:
        print(f'Cannot grade {args.notebook}: {err}')
        return 2
    total = sum(r.score for r in results.values())
    top = sum(r.max_score for r in results.values())
    width = max(len(n) for n in results)
    print(f'{assignment_id}: {os.path.basename(args.notebook)}')
    for name, r in results.items():
        mark = {'passed': '✓', 'partial': '~', 'failed': '✗'}[r.status]
        print(f' {mark} {name:<{width}} {r.score:>5g}/{r.max_score:g}')
    print(f'   {"total":<{width}} {total:>5g}/{top:g}   '
          f'({time.monotonic() - start:.1f} s)\n')
    for r in results.values():
        if r.status != 'passed' or r.notes:
            print(r.report() + '\n')
    return 0


def cmd_lab(args):
    from . import course, loop
    work = os.path.join(args.work, 'lab')
    root = os.path.join(work, 'course')
    paths = course.build(root, args.assignment)
    api = loop.instructor_api(root)
    for a in paths['assignments']:
        loop._check(api.generate_assignment(a), f'generate {a}')
        loop._check(api.release_assignment(a), f'release {a}')
    home = course.learner(os.path.join(work, 'learners', args.student),
                          args.student, paths['exchange'])
    env = dict(os.environ, JUPYTER_CONFIG_DIR=home['jupyter_config_dir'],
               PYTHONPATH=curriculum.REPO, TF_CPP_MIN_LOG_LEVEL='2')
    print(f'JupyterLab for learner {args.student!r} in {home["home"]}: open '
          'the Nbgrader menu > Assignment List to fetch an assignment.')
    command = [sys.executable, '-m', 'jupyter', 'lab', '--no-browser',
               f'--ip={args.ip}', f'--port={args.port}',
               f'--ServerApp.root_dir={home["home"]}']
    if os.geteuid() == 0:
        command.append('--allow-root')
    command += [a for a in args.jupyter_args if a != '--']
    return subprocess.call(command, cwd=home['home'], env=env)


def cmd_isolation(args):
    from . import isolation
    return isolation.main()


def main(argv=None):
    parser = argparse.ArgumentParser(prog='python -m autograder')
    parser.add_argument('--work', default=WORK,
                        help='folder for generated courses (default: work/)')
    sub = parser.add_subparsers(dest='command', required=True)
    p = sub.add_parser('demo', help='run the whole loop with 3 learners')
    p.add_argument('--assignment', action='append')
    p.set_defaults(func=cmd_demo)
    p = sub.add_parser('build-course', help='write an nbgrader course dir')
    p.add_argument('--dir', default=os.path.join(WORK, 'course'))
    p.add_argument('--assignment', action='append')
    p.add_argument('--fresh', action='store_true')
    p.set_defaults(func=cmd_build_course)
    p = sub.add_parser('selfgrade', help='grade a worked notebook now')
    p.add_argument('notebook')
    p.add_argument('--assignment')
    p.set_defaults(func=cmd_selfgrade)
    p = sub.add_parser('lab', help='JupyterLab on the learner version')
    p.add_argument('--student', default='learner')
    p.add_argument('--assignment', action='append')
    p.add_argument('--ip', default='127.0.0.1')
    p.add_argument('--port', type=int, default=8888)
    p.add_argument('jupyter_args', nargs=argparse.REMAINDER,
                   help='passed on to jupyter lab (after --)')
    p.set_defaults(func=cmd_lab)
    p = sub.add_parser('isolation', help='say how sandbox children are '
                       'isolated (DLS_ISOLATION=auto|required|off)')
    p.set_defaults(func=cmd_isolation)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == '__main__':
    sys.exit(main())
