"""Grade a notebook function by function, outside the learner's kernel.

For each graded function: take the learner's cell from the submission, load
it in a fresh sandbox beside our references for the notebook's other graded
functions, run the hidden spec on fresh inputs, and compare in this process,
where no learner code ever ran.
"""
import ast
import copy
import hashlib
import os
from dataclasses import dataclass, field

import numpy as np

from . import curriculum, notebook
from . import reference_runs, runners, sandbox_pool
from .runners import ReferenceRunner, SandboxRunner
from .checking import Abort, EditError, Trial, describe_error
from .sandbox import Limits, Sandbox, SandboxError

NOISY_PRINT = 5000


@dataclass
class FunctionResult:
    name: str
    score: float
    max_score: float
    passed: int = 0          # weighted: value checks count twice
    total: int = 0
    checks_passed: int = 0   # plain counts, for people
    checks_total: int = 0
    messages: list = field(default_factory=list)
    notes: list = field(default_factory=list)

    @property
    def status(self):
        if self.score >= self.max_score:
            return 'passed'
        return 'partial' if self.score > 0 else 'failed'

    def report(self):
        """The text shown under the test cell and in feedback."""
        head = (f'{self.name}: {self.score:g} / {self.max_score:g} points '
                f'({self.checks_passed} of {self.checks_total} hidden checks '
                'passed)')
        lines = [head]
        shown = _merge(self.messages)
        lines += [f'  ✗ {m}' for m in shown[:8]]
        if len(shown) > 8:
            lines.append(f'  … and {len(shown) - 8} more failed checks')
        lines += [f'  note: {n}' for n in self.notes]
        if self.status == 'passed':
            lines.append('  ✓ all hidden checks passed')
        return '\n'.join(lines)


def _merge(messages):
    """Say a reason once when several checks failed for it."""
    by_reason = {}
    for message in messages:
        label, _, reason = message.partition(': ')
        by_reason.setdefault(reason or label, []).append(label)
    merged = []
    for reason, labels in by_reason.items():
        if len(labels) == 1:
            merged.append(f'{labels[0]}: {reason}' if reason != labels[0]
                          else reason)
        else:
            merged.append(f'{reason} ({len(labels)} checks, e.g. '
                          f'{labels[0]})')
    return merged


class Reference:
    """Our solution for one assignment, built from its master notebook."""

    def __init__(self, assignment):
        self.assignment = assignment
        master = notebook.read(assignment.master)
        self.prelude = notebook.prelude(master)
        cells = notebook.graded_cells(master)
        self.sources = {name: srcs[-1] for name, srcs in cells.items()}
        self.order = [g[len('test_'):] for g in notebook.test_cells(master)
                      if g.startswith('test_')]
        self.points = {name: float(notebook.cell_by_id(master, f'test_{name}')
                                   .metadata['nbgrader'].get('points', 0))
                       for name in self.order}
        self.ns = {'__name__': '__reference__'}
        exec(compile(self.prelude, '<imports>', 'exec'), self.ns)
        for name, src in self.sources.items():
            exec(compile(src, f'<reference {name}>', 'exec'), self.ns)
        self.specs = assignment.hidden.checks.specs
        catalogue = assignment.mutants.mutants.by_name
        self.broken_mutants = []   # edits that no longer fit the master
        self.mutants = {}
        for name, ms in catalogue.items():
            for m in ms:
                try:
                    self.mutants.setdefault(name, []).append(
                        (m.cause, self._compile(m)))
                except EditError as err:
                    self.broken_mutants.append(str(err))
        missing = [n for n in self.order if n not in self.specs]
        if missing:
            raise RuntimeError(f'{assignment.id}: no hidden checks for '
                               f'{missing}')

    def mutant_source(self, mutant):
        """A mutant as the text of a graded cell."""
        if mutant.edits is not None:
            return mutant.apply(self.sources[mutant.name])
        return mutant.source

    def _compile(self, mutant):
        ns = dict(self.ns)
        exec(compile(self.mutant_source(mutant), f'<mutant {mutant.name}>',
                     'exec'), ns)
        return ns[mutant.name]

    def others(self, name):
        return [src for other, src in self.sources.items() if other != name]


_REFERENCES = {}


def reference(assignment_id):
    if assignment_id not in _REFERENCES:
        _REFERENCES[assignment_id] = Reference(curriculum.get(assignment_id))
    return _REFERENCES[assignment_id]


def _rng(assignment_id, name):
    digest = hashlib.sha256(f'{assignment_id}:{name}'.encode()).digest()
    return np.random.default_rng(int.from_bytes(digest[:8], 'little'))


def _run_spec(ref, name, runner, rng=None, layouts=None, strict=False):
    """Run `name`'s hidden checks with `runner`. A result so odd that a
    check itself fails (not strict: the learner's) loses the checks not yet
    reached, with a message; for our reference (strict) it is a bug."""
    runners.clear_store()
    trial = Trial(name, ref.ns[name], runner,
                  rng or _rng(ref.assignment.id, name),
                  ref.mutants.get(name, []), layouts=layouts)
    try:
        ref.specs[name](trial)
    except Abort:
        pass
    except Exception as err:  # noqa: BLE001 (a check tripped on the result)
        if strict:
            raise
        trial.messages.append(
            f'the result could not be checked further ({type(err).__name__}'
            ': its structure or types are not what the exercise asks for) — '
            'compare what your function returns with its docstring')
    return trial


_REFERENCE_RUNS = {}


class _ReferenceRun:
    """What grading needs from our reference's run: counts and layouts."""

    def __init__(self, total, checks_total, layouts):
        self.total, self.checks_total = total, checks_total
        self.layouts = layouts


def _reference_trial(ref, name, rng=None):
    """The spec run on our reference (cached in memory and on disk:
    reference_runs.py): it must pass every check."""
    state = repr((rng or _rng(ref.assignment.id, name)).bit_generator.state)
    key = (ref.assignment.id, name, id(ref), state)
    if key not in _REFERENCE_RUNS:
        digest = reference_runs.key(ref.assignment, name, state)
        stored = reference_runs.load(digest)
        if stored is None:
            trial = _run_spec(ref, name, ReferenceRunner(ref.ns[name]), rng,
                              strict=True)
            if trial.passed != trial.total or trial.total == 0 or \
                    trial.messages:
                raise RuntimeError(f'{ref.assignment.id}.{name}: the '
                                   f'reference fails its own hidden '
                                   f'checks: {trial.messages}')
            stored = (trial.total, trial.checks_total, trial.layouts)
            reference_runs.save(digest, *stored)
        _REFERENCE_RUNS[key] = _ReferenceRun(*stored)
    return _REFERENCE_RUNS[key]


def grade_in_process(ref, name, fn, rng=None):
    """Run `name`'s hidden checks on `fn` in this process (our own code
    only: generated mutants, benchmarks); return the :class:`Trial`, whose
    ``passed`` / ``total`` give the score. `rng` replaces the grading
    random generator (other inputs from the same spec)."""
    layouts = _reference_trial(ref, name, copy.deepcopy(rng)).layouts
    return _run_spec(ref, name, ReferenceRunner(fn), rng, layouts)


def _names_used(src):
    try:
        tree = ast.parse(notebook.strip_magics(src))
    except SyntaxError:
        return set()
    return {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}


def _defined_functions(src):
    try:
        tree = ast.parse(notebook.strip_magics(src))
    except SyntaxError:
        return []
    return [n.name for n in tree.body if isinstance(n, ast.FunctionDef)]


def grade_function(ref, name, cells, sandbox, protect=()):
    """Grade one function from the learner's cells for it."""
    points = ref.points[name]
    ref_trial = _reference_trial(ref, name)
    total = ref_trial.total
    result = FunctionResult(name, 0.0, float(points), total=total,
                            checks_total=ref_trial.checks_total)
    if not cells:
        result.messages.append(
            f'no cell starting with `# GRADED FUNCTION: {name}` was found — '
            'was it deleted or its first line changed? Copy the cell back '
            'from a fresh copy of the assignment.')
        return result
    src = cells[-1]
    if len(cells) > 1:
        result.notes.append(f'{len(cells)} cells are marked as `{name}`; '
                            'the last one was graded')
    result.notes += [f'your cell looks like it tries to change the grader: '
                     f'{why}; this has no effect on grading'
                     for why in notebook.tampering(src)]
    try:
        reply = sandbox.load(name, ref.prelude, ref.others(name),
                             notebook.strip_magics(src),
                             protect=_protected() + list(protect))
    except SandboxError as err:
        reply = {'ok': False, 'error': err.info, 'defined': False}
    if not reply.get('ok'):
        result.messages.append('your cell could not run: '
                               + describe_error(reply['error']))
        return result
    if not reply.get('callable'):
        found = [f for f in _defined_functions(src) if f != name]
        also = f' (it defines {", ".join(found)})' if found else ''
        result.messages.append(
            f'your cell does not define a function called `{name}`{also} — '
            'keep the given name and signature.')
        return result

    uses = [other for other in ref.order
            if other != name and other in _names_used(src)]
    if uses:
        result.notes.append(
            'graded with our reference versions of '
            + ', '.join(f'`{u}`' for u in uses)
            + ', so a bug in yours there does not cost points here')
    trial = _run_spec(ref, name, SandboxRunner(sandbox),
                      layouts=ref_trial.layouts)
    result.passed = trial.passed
    result.checks_passed = trial.checks_passed
    result.messages = trial.messages
    result.score = round(points * trial.passed / total, 2)
    if sandbox.printed > NOISY_PRINT:
        result.notes.append(f'your function printed {sandbox.printed:,} '
                            'characters while graded; remove debug prints')
    return result


def _protected():
    """Paths a learner's code may not read: masters, grader, submissions."""
    repo = curriculum.REPO
    paths = [os.path.join(repo, d) for d in
             ('autograder', 'course1', 'course2', 'course4', 'course5',
              'tests', 'shared_utils')]
    return paths


def limits_for(assignment):
    """The sandbox limits an assignment's grading runs under."""
    return Limits(call_s=assignment.call_s,
                  memory=int(assignment.memory_gb * 2 ** 30))


def grade_notebook(nb, assignment_id, limits=None, protect=(),
                   spare=False):
    """Grade every graded function of `nb`; return {name: FunctionResult}.

    `spare`: one of many submissions (nbgrader autograde): take the
    sandbox started during the previous one (sandbox_pool.py)."""
    assignment = curriculum.get(assignment_id)
    limits = limits or limits_for(assignment)
    box = None
    if assignment.shared_sandbox and spare:
        # started before our reference loads: both import TensorFlow at once
        box = sandbox_pool.take(limits, notebook.prelude(
            notebook.read(assignment.master)))
    ref = reference(assignment_id)
    cells = notebook.graded_cells(nb)
    results = {}
    if assignment.shared_sandbox:
        # one process (slow imports paid once), a new one after a failure
        box = box or Sandbox(limits)
        try:
            for name in ref.order:
                if box.dead:
                    box.close()
                    box = Sandbox(limits)
                results[name] = grade_function(
                    ref, name, cells.get(name, []), box, protect=protect)
        finally:
            box.close()
        return results
    # one process per function, all started at once
    sandboxes = {name: Sandbox(limits) for name in ref.order}
    try:
        for name in ref.order:
            results[name] = grade_function(ref, name, cells.get(name, []),
                                           sandboxes[name], protect=protect)
            sandboxes[name].close()
    finally:
        for box in sandboxes.values():
            box.close()
    return results


def grade_path(path, assignment_id=None):
    """Grade a notebook file; the assignment is found from its name."""
    assignment_id = assignment_id or curriculum.find(path).id
    return grade_notebook(notebook.read(path), assignment_id)
