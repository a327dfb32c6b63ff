"""What operating-system isolation costs a grading run (2 cores, as root).

Prints three tables:

1. Tools: start-up of one child that imports numpy (as the sandbox child
   does), bare and inside each candidate wrapper: bubblewrap + setpriv (the
   one in use) and util-linux ``unshare`` + ``mount`` + ``pivot_root`` +
   ``setpriv`` building the same read-only view in a shell script (no
   seccomp filter in this table; table 2 has it).
2. Sandbox: ``Sandbox()`` to the first answer (load of a one-line function)
   and close, with ``DLS_ISOLATION=off`` and ``required``.
3. Autograde per notebook: ``grade.grade_notebook`` on the reference
   submission of C1_W2A2 (numpy: one child per graded function) and C2_W3A1
   (TensorFlow: one shared child), off and required, alternating; the median,
   the best run and the overhead (target <= 20 %). The machine is shared:
   run it twice and read both.

Run: .venv/bin/python benchmarks/isolation.py [--repeat 3] [--starts 20]
"""
import argparse
import glob
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path[:0] = [ROOT, os.path.join(ROOT, 'tests')]

from autograder import grade, isolation, sandbox  # noqa: E402
from autograder.sandbox import Limits, Sandbox  # noqa: E402
from helpers import submission  # noqa: E402

CHILD = [sys.executable, '-I', '-c', 'import numpy']
NOTEBOOKS = ('C1_W2A2', 'C2_W3A1')


def unshare_command(argv, uid, disk):
    """The same view as isolation.command, built with unshare + mount."""
    lines = ['set -e', 'umask 022', 'R=$(mktemp -d /tmp/dls-unshare.XXXXXX)',
             'mount -t tmpfs -o mode=0755 none "$R"',
             f'mkdir -p "$R/tmp" "$R{isolation.HOME}"',
             f'mount -t tmpfs -o size={disk},mode=1777 none "$R/tmp"',
             f'mount -t tmpfs -o size={disk},mode=0700 none '
             f'"$R{isolation.HOME}"',
             f'chown {uid}:{uid} "$R{isolation.HOME}"']
    for src, dest in isolation.view():
        kind = '-d' if os.path.isdir(src) else '-f'
        lines.append(f'if [ {kind} "{src}" ]; then '
                     f'mkdir -p "$(dirname "$R{dest}")"; ' +
                     (f'mkdir -p "$R{dest}"; ' if kind == '-d' else
                      f'touch "$R{dest}"; ') +
                     f'mount --rbind "{src}" "$R{dest}"; '
                     f'mount -o remount,bind,ro "$R{dest}"; fi')
    for real, named in isolation._aliases():
        lines.append(f'mkdir -p "$(dirname "$R{named}")"; '
                     f'ln -s {real} "$R{named}"')
    for name in isolation.MERGED:
        if os.path.islink('/' + name):
            lines.append(f'ln -s {os.readlink("/" + name)} "$R/{name}"')
    lines += ['mkdir -p "$R/proc" "$R/dev"',
              'mount -t proc proc "$R/proc"',
              'mount --rbind /dev "$R/dev"',
              'cd "$R"; mkdir .old; pivot_root . .old; umount -l /.old; '
              f'rmdir /.old; cd {isolation.HOME}',
              f'exec setpriv --reuid={uid} --regid={uid} --clear-groups '
              '--inh-caps=-all --bounding-set=-all --no-new-privs "$@"']
    return (['unshare', '--pid', '--net', '--ipc', '--uts', '--mount',
             '--fork', '--kill-child', '--propagation', 'private',
             'sh', '-c', '\n'.join(lines), 'sh'] + list(argv))


def _run(cmd):
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL,
                   env={'PATH': os.environ.get('PATH', '/usr/bin:/bin'),
                        'OPENBLAS_NUM_THREADS': '1'})
    return time.perf_counter() - start


def _interleaved(makers, n):
    """Median seconds of each maker's command, run in turn (load drifts)."""
    times = [[] for _ in makers]
    for _ in range(n):
        for i, make in enumerate(makers):
            times[i].append(_run(make()))
    return [statistics.median(t) for t in times]


def tools(n):
    disk = Limits().disk
    rows = [('bare python (no isolation)', lambda: CHILD),
            ('bubblewrap + setpriv', lambda: isolation.command(
                CHILD, isolation.sandbox_uid(), disk)),
            ('unshare + mount + setpriv', lambda: unshare_command(
                CHILD, isolation.sandbox_uid(), disk))]
    medians = _interleaved([make for _, make in rows], n)
    for left in glob.glob('/tmp/dls-unshare.*'):   # empty mount points
        os.rmdir(left)
    print(f'\n1. Child start-up, `python -I -c "import numpy"`, median of {n}')
    for (label, _), t in zip(rows, medians):
        print(f'   {label:<30} {t * 1000:7.1f} ms   '
              f'+{(t - medians[0]) * 1000:5.1f} ms')


def _sandbox_once():
    start = time.perf_counter()
    box = Sandbox(Limits())
    try:
        reply = box.load('f', 'import numpy as np', [],
                         'def f():\n    return 1\n')
        assert reply['ok'], reply
        assert box.call().value == 1
    finally:
        box.close()
    return time.perf_counter() - start


def sandboxes(n):
    print(f'\n2. Sandbox(): start, load, one call, close — median of {n}')
    times = {'off': [], 'required': []}
    for i in range(n + 1):
        for setting in times:
            os.environ[isolation.ENV] = setting
            took = _sandbox_once()
            if i:                  # the first round warms the caches
                times[setting].append(took)
    for setting, got in times.items():
        print(f'   DLS_ISOLATION={setting:<9} '
              f'{statistics.median(got) * 1000:7.1f} ms')


def notebooks(repeat):
    print(f'\n3. Autograde per notebook (reference submission): median and '
          f'best of {repeat} (TensorFlow) or {4 * repeat} (numpy) runs, '
          'off and isolated in turn')
    for assignment_id in NOTEBOOKS:
        nb = submission(assignment_id, release=False)
        ref = grade.reference(assignment_id)   # the master runs once, untimed
        runs = repeat if ref.assignment.shared_sandbox else 4 * repeat
        times = {'off': [], 'required': []}
        for _ in range(runs):
            for setting in times:
                os.environ[isolation.ENV] = setting
                start = time.perf_counter()
                results = grade.grade_notebook(nb, assignment_id)
                times[setting].append(time.perf_counter() - start)
                assert all(r.score == r.max_score for r in results.values())
        off, on = (statistics.median(times[s]) for s in ('off', 'required'))
        best_off, best_on = min(times['off']), min(times['required'])
        print(f'   {assignment_id} ({len(results)} graded functions): '
              f'off {off:.2f} s (best {best_off:.2f})   isolated {on:.2f} s '
              f'(best {best_on:.2f})   overhead {100 * (on - off) / off:+.1f}'
              f' % (best {100 * (best_on - best_off) / best_off:+.1f} %)')


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--repeat', type=int, default=3)
    parser.add_argument('--starts', type=int, default=20)
    parser.add_argument('--skip-tools', action='store_true')
    args = parser.parse_args()
    os.environ[isolation.ENV] = 'required'
    print(isolation.describe())
    if not args.skip_tools:
        tools(args.starts)
    sandboxes(max(3, args.starts // 2))
    notebooks(args.repeat)
    print(f'\nsandbox limits: {vars(sandbox.Limits())}')


if __name__ == '__main__':
    main()
