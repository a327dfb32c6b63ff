"""Every data set and model of the course: one registry, one command.

    python -m shared_utils.assets list [--markdown]     # the table
    python -m shared_utils.assets build [NAMES...] [--force] [--budget tiny]
    python -m shared_utils.assets check [NAMES...]     # verify checksums
    make assets                                        # build everything

The registry is the catalogue in ``assets_catalog.py`` (one row per asset:
who uses it, how it is made and with which seed, where it lives, whether it
is committed and why, size, build time, checksum policy, status); the ways
of building and checking are in ``assets_core.py``; self-trained models
follow ``assets_train.py``'s contract. Loaders reach their files through
:func:`cached_h5`, so a new data set is a catalogue row, not new code.

Builds are seeded and cached in ``$DLS_CACHE`` (default
``shared_utils/_cache/``); nothing is downloaded. Planned assets (courses 4
and 5, not implemented yet) are listed with the issue that will build them
and skipped.
"""
import argparse
import sys
import time

from . import data
from .assets_catalog import ASSETS, COMMITTED_BUDGET_MB, NO_DATA
from .assets_core import KINDS, Asset, DataError  # noqa: F401  (API)

REGISTRY = {a.name: a for a in ASSETS}


def get(name):
    """Return the Asset called `name`; KeyError listing the known names."""
    try:
        return REGISTRY[name]
    except KeyError:
        raise KeyError(f'unknown asset {name!r}; known: '
                       f'{", ".join(REGISTRY)}') from None


def for_assignment(assignment_id):
    """Return the assets an assignment uses (a list, maybe empty)."""
    return [a for a in ASSETS if assignment_id in a.assignments]


def cached_h5(name, file_name):
    """Return (path, verified arrays) of one HDF5 file of a cached asset,
    generating and writing it on first use.

    Args:
    - name: asset name, e.g. 'catvnoncat'
    - file_name: one of its files, e.g. 'train_catvnoncat.h5'

    Returns:
    - path: pathlib.Path in the cache folder
    - arrays: {key: numpy array}, checked against the recorded digests
    """
    return get(name).recipe.load(file_name)


def committed_mb(prefixes=('C4', 'C5', 'lab')):
    """Total MB of committed assets used by assignments with these
    prefixes (the planned and ready growth of the repository)."""
    return sum(a.size_mb for a in ASSETS if a.committed and any(
        x.startswith(prefixes) for x in a.assignments))


def build(name, budget='full', force=False):
    """Build one asset (or verify it, when it is already there).

    Args:
    - name: asset name
    - budget: 'full', or 'tiny' to train models in seconds into the
      cache's tiny/ folder (data sets ignore the budget)
    - force: rebuild even if cached or committed

    Returns:
    - note: str, what was done
    """
    asset = get(name)
    if asset.recipe is None:
        return f'planned ({asset.issue}): skipped'
    return asset.recipe.build(budget, force)


def check(name):
    """Verify one asset against its recorded checksums; DataError if not."""
    asset = get(name)
    if asset.recipe is None:
        return f'planned ({asset.issue}): nothing to check'
    return asset.recipe.check()


def table():
    """Return the rows of `list`: one tuple of strings per asset."""
    rows = []
    for a in ASSETS:
        state = a.recipe.state() if a.recipe else '-'
        stored = {'cache': 'built (cache)', 'memory': 'built (memory)'}.get(
            a.stored, a.stored)
        rows.append((a.name, ' '.join(a.assignments), a.kind, stored,
                     f'{a.size_mb:g} MB', _status(a), state))
    return rows


def _status(asset):
    return asset.status if asset.recipe else f'planned ({asset.issue})'


def markdown():
    """Return the catalogue as a Markdown table (for shared_utils/README.md),
    with a running total of the committed MB of courses 4-5."""
    lines = ['| asset | used by | kind | how it is made | stored: why | MB | '
             'build (2 cores) | seed | checksum | committed 4-5, running MB '
             '| status |', '|' + '---|' * 11]
    running = 0.0
    for a in ASSETS:
        course45 = not any(i.startswith(('C1', 'C2')) for i in a.assignments)
        running += a.size_mb if a.committed and course45 else 0
        seed = a.seed if a.seed is not None else '-'
        build = f'{a.build_s:g} s' if a.build_s < 120 else \
            f'{a.build_s / 60:.0f} min'
        total = f'{running:.1f}' if a.committed and course45 else ''
        status = 'ready' if a.recipe else a.issue
        lines.append(f'| `{a.name}` | {", ".join(a.assignments)} | {a.kind} '
                     f'| {a.how} | {a.stored}: {a.why} | {a.size_mb:g} | '
                     f'{build} | {seed} | {a.checksum} | {total} | {status} |')
    return '\n'.join(lines)


def _print_table(rows, header, out):
    widths = [max(len(r[i]) for r in rows + [header])
              for i in range(len(header))]
    for row in [header, tuple('-' * w for w in widths)] + rows:
        print('  '.join(c.ljust(w) for c, w in zip(row, widths)).rstrip(),
              file=out)


def _run(names, action, verb, out):
    """Run `action(name)` over assets with a progress bar and timings."""
    from tqdm import tqdm
    failed, total = [], time.monotonic()
    bar = tqdm(names, unit='asset', file=sys.stderr, leave=False,
               disable=None)   # no bar when stderr is not a terminal
    for name in bar:
        bar.set_description(name)
        start = time.monotonic()
        try:
            note = action(name)
        except (DataError, ImportError, OSError, RuntimeError,
                ValueError) as err:
            failed.append(name)
            note = f'FAILED: {err}'
        took = time.monotonic() - start
        expected = get(name).build_s
        tail = (f'; a full build takes ~{expected:g} s on 2 cores'
                if verb == 'build' and get(name).recipe else '')
        bar.write(f'{name}: {note} [{took:.1f} s{tail}]', file=out)
    print(f'{verb}: {len(names)} assets in {time.monotonic() - total:.1f} s'
          f', {len(failed)} failed' + (f' ({", ".join(failed)})'
                                       if failed else ''), file=out)
    return 1 if failed else 0


def main(argv=None, out=None):
    """The command line (see the module docstring); returns an exit code."""
    out = out or sys.stdout
    parser = argparse.ArgumentParser(
        prog='python -m shared_utils.assets',
        description='Build, list and check the course\'s data sets and '
                    'models (all generated offline).')
    sub = parser.add_subparsers(dest='command', required=True)
    ls = sub.add_parser('list', help='table of every asset')
    ls.add_argument('--markdown', action='store_true',
                    help='the README\'s table, with a running total')
    b = sub.add_parser('build', help='build assets (all when none named)')
    b.add_argument('names', nargs='*')
    b.add_argument('--force', action='store_true',
                   help='rebuild even if cached or committed')
    b.add_argument('--budget', choices=('full', 'tiny'), default='full',
                   help='tiny: train models in seconds (CI), into the '
                        'cache\'s tiny/ folder')
    c = sub.add_parser('check', help='verify checksums of built and '
                                     'committed assets')
    c.add_argument('names', nargs='*')
    args = parser.parse_args(argv)
    if args.command == 'list' and args.markdown:
        print(markdown(), file=out)
        return 0
    if args.command == 'list':
        _print_table(table(), ('name', 'assignments', 'kind', 'stored',
                               'size', 'status', 'cached'), out)
        print(f'cache: {data.cache_dir()}; committed for courses 4-5: '
              f'{committed_mb():.1f} MB of {COMMITTED_BUDGET_MB} MB; no '
              f'data needed: {", ".join(NO_DATA)}', file=out)
        return 0
    unknown = [n for n in args.names if n not in REGISTRY]
    if unknown:
        print(f'unknown asset(s) {", ".join(unknown)}; known: '
              f'{", ".join(REGISTRY)}', file=sys.stderr)
        return 2
    names = args.names or list(REGISTRY)
    if args.command == 'build':
        return _run(names, lambda n: build(n, args.budget, args.force),
                    'build', out)
    return _run(names, check, 'check', out)


if __name__ == '__main__':
    from shared_utils.assets import main as _main   # the one registry
    sys.exit(_main())
