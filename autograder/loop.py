"""The whole instructor/learner loop in one process, with simulated learners.

Instructor: generate and release every assignment; learners: fetch, work,
submit; instructor: collect, autograde, generate and release feedback,
export; learners: fetch feedback. Everything goes through nbgrader's own
API and exchange, in one Python process (each nbgrader CLI call would pay
about 7 s of imports).
"""
import os
import shutil
import time
import warnings

import nbformat
from nbgrader.apps import NbGraderAPI
from nbgrader.utils import capture_log, temp_attrs
from traitlets.config import Config
from traitlets.config.loader import PyFileConfigLoader

from . import course, curriculum, nbgrader_plugin, notebook
from .grade import reference

# nbgrader 0.9.6 with SQLAlchemy 2.1 warns about harmless autoflush order.
warnings.filterwarnings('ignore', message='Object of type <Submitted')


def instructor_api(root):
    config = PyFileConfigLoader('nbgrader_config.py', path=root).load_config()
    return NbGraderAPI(config=config)


def learner_api(home, student, exchange):
    c = Config()
    c.CourseDirectory.root = home
    c.CourseDirectory.course_id = course.COURSE_ID
    c.CourseDirectory.student_id = student
    c.Exchange.root = exchange
    c.Exchange.cache = os.path.join(home, '.nbgrader_cache')
    c.Exchange.assignment_dir = home
    return NbGraderAPI(config=c)


def exchange_step(api, step, assignment_id):
    """Run a learner-side exchange step: FetchAssignment, Submit, ..."""
    with temp_attrs(api.coursedir, assignment_id=assignment_id):
        app = getattr(api.exchange, step)(
            coursedir=api.coursedir, authenticator=api.authenticator,
            parent=api)
        return capture_log(app)


def _check(result, what):
    if not result.get('success'):
        raise RuntimeError(f'{what} failed:\n{result.get("error") or ""}\n'
                           f'{result.get("log", "")[-3000:]}')
    return result


def _last_line(text):
    lines = [line for line in str(text).strip().splitlines() if line.strip()]
    return lines[-1][:300] if lines else 'unknown error'


# ------------------------------------------------------------- learner work
def fill(path, sources):
    """Replace graded cells of the notebook at `path` by `sources`.

    `sources` may also be a callable that edits the file itself.
    """
    if callable(sources):
        return sources(path)
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        match = notebook.MARKER.search(notebook.source(cell))
        if cell.cell_type == 'code' and match and match.group(1) in sources:
            cell.source = sources[match.group(1)]
    nbformat.write(nb, path)


def perfect(assignment_id):
    ref = reference(assignment_id)
    return {n: notebook.solution_source(s) for n, s in ref.sources.items()}


def buggy(assignment_id, every=2):
    """Our solution with a realistic bug in every other function."""
    sources = perfect(assignment_id)
    catalogue = curriculum.get(assignment_id).mutants.mutants.by_name
    for i, name in enumerate(reference(assignment_id).order):
        if i % every == 0 and catalogue.get(name):
            sources[name] = catalogue[name][0].source
    return sources


LEARNERS = {
    'ada': ('perfect', perfect),
    'ben': ('blank', lambda assignment_id: {}),
    'cam': ('realistic bugs', buggy),
}


# --------------------------------------------------------------- the loop
def run(work, assignments=None, learners=LEARNERS, log=print):
    """Run the loop under `work`; return a summary dict."""
    timings = {}
    t0 = time.monotonic()
    shutil.rmtree(work, ignore_errors=True)
    paths = course.build(os.path.join(work, 'course'), assignments)
    root, exchange = paths['root'], paths['exchange']
    ids = paths['assignments']
    api = instructor_api(root)
    timings['build course'] = time.monotonic() - t0
    log(f'[1/5] course directory built in {timings["build course"]:.1f} s: '
        f'{root}')

    def step(name, fn):
        start = time.monotonic()
        out = fn()
        timings[name] = timings.get(name, 0) + time.monotonic() - start
        return out

    for a in ids:
        step('generate + release', lambda: (
            _check(api.generate_assignment(a), f'generate_assignment {a}'),
            _check(api.release_assignment(a), f'release_assignment {a}')))
    log(f'[2/5] {len(ids)} assignment{"s" * (len(ids) != 1)} generated and '
        f'released in {timings.get("generate + release", 0):.1f} s')

    homes, problems = {}, {}
    for student, (kind, make) in learners.items():
        home = os.path.join(work, 'learners', student)
        course.learner(home, student, exchange)
        homes[student] = home
        lapi = learner_api(home, student, exchange)
        for a in ids:
            try:
                step('learners fetch + work + submit', lambda: (
                    _check(exchange_step(lapi, 'FetchAssignment', a),
                           'fetch'),
                    fill(os.path.join(home, a, curriculum.get(a).notebook),
                         make(a)),
                    _check(exchange_step(lapi, 'Submit', a), 'submit')))
            except RuntimeError as err:
                problems[(student, a)] = [_last_line(err)]
                log(f'{student}/{a}: {problems[(student, a)][0]}')

    log('[3/5] ' + ', '.join(f'{s} ({kind})' for s, (kind, _make)
                             in learners.items())
        + ' fetched, worked and submitted in '
        f'{timings.get("learners fetch + work + submit", 0):.1f} s')

    graded, seconds = {}, {}
    for a in ids:
        start_a = time.monotonic()
        step('collect', lambda: _check(api.collect(a), f'collect {a}'))
        for student in learners:
            submitted = os.path.join(root, 'submitted', student, a)
            if not os.path.isdir(submitted):
                graded[(student, a)] = False
                continue
            found = nbgrader_plugin.problems(
                [os.path.join(submitted, f) for f in os.listdir(submitted)
                 if f.endswith('.ipynb')])
            start = time.monotonic()
            result = step('autograde', lambda: api.autograde(a, student))
            seconds[(student, a)] = time.monotonic() - start
            graded[(student, a)] = result.get('success', False)
            if found or not result.get('success'):
                problems[(student, a)] = found or [
                    'nbgrader could not grade this submission: '
                    + _last_line(result.get('log', ''))]
                log(f'{student}/{a}: not graded, 0 points: '
                    + ' '.join(problems[(student, a)]))
        step('feedback', lambda: (
            _check(api.generate_feedback(a), f'generate_feedback {a}'),
            _check(api.release_feedback(a), f'release_feedback {a}')))
        log(f'[4/5] {a} collected, autograded and feedback released in '
            f'{time.monotonic() - start_a:.1f} s')
    for student in learners:
        lapi = learner_api(homes[student], student, exchange)
        for a in ids:
            if graded.get((student, a)):
                step('learners fetch feedback', lambda: _check(
                    exchange_step(lapi, 'FetchFeedback', a),
                    'fetch_feedback'))
    log('[5/5] learners fetched their feedback in '
        f'{timings.get("learners fetch feedback", 0):.1f} s')
    timings['total'] = time.monotonic() - t0
    return {'root': root, 'exchange': exchange, 'assignments': ids,
            'learners': {s: homes[s] for s in learners}, 'graded': graded,
            'problems': problems, 'autograde_s': seconds,
            'timings': timings}
