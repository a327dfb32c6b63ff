"""The vocabulary of hidden checks and mutants.

A hidden check is a function ``spec(t)`` taking a :class:`Trial`. It builds
fresh inputs from ``t.rng``, calls the learner's function with ``t.call``
and our reference with ``t.ref``, and records named checks (``t.close``,
``t.shape`` ...). The same spec first runs against the reference itself: that
run must pass every check, and the number of checks it records is the
denominator of the learner's partial credit. So a spec must record the same
checks whatever the learner returns; a helper that cannot go on (a missing
key, a crash) aborts the current ``t.case`` and the checks it did not reach
count as failed.

Mutants are realistic buggy versions of a graded function, each with the
likely cause a learner should read. They serve twice: the test suite checks
that each loses points, and on a wrong value ``t.close(..., via=...)``
recomputes the value with every mutant and names the one that matches.
"""
import ast
import inspect
import textwrap
from contextlib import contextmanager

import numpy as np

from . import keras_checks
from .runners import ReferenceRunner
from .sandbox import SandboxError
from .sandbox_child import KerasSummary, Opaque


class Registry:
    """Hidden-check specs of one notebook, by function name."""

    def __init__(self):
        self.specs = {}

    def __call__(self, name):
        def register(spec):
            self.specs[name] = spec
            return spec
        return register


class EditError(Exception):
    """An edit-mutant no longer applies to the master's solution."""


class Mutant:
    """A realistic bug: a whole function (``fn``), or ``edits`` of the
    master's solution, applied to its source when the mutant is loaded."""

    def __init__(self, name, cause, fn=None, public=False, edits=None,
                 every=False, module=None):
        self.name, self.cause, self.fn, self.public = name, cause, fn, public
        self.edits, self.every, self.module = edits, every, module

    def apply(self, reference_source):
        """The master's graded cell with this mutant's edits made.

        Each ``old`` text must occur exactly once (every occurrence is
        replaced when ``every=True``); otherwise :class:`EditError` says
        which edit no longer fits the master.
        """
        src = reference_source
        for old, new in self.edits.items():
            found = src.count(old)
            if found == 0 or (found > 1 and not self.every):
                where = f'autograder/mutants/{self.module}.py' \
                    if self.module else 'its catalogue'
                raise EditError(
                    f'mutant {self.cause!r} of {self.name}: {old!r} occurs '
                    f'{found} times in the master\'s solution (expected '
                    f'{"at least once" if self.every else "once"}) — the '
                    f'master changed: update the edit in {where}')
            src = src.replace(old, new)
        return src

    @property
    def source(self):
        """The mutant as the text of a graded cell."""
        if self.edits is not None:
            return self.apply(master_source(self.module, self.name))
        tree = ast.parse(textwrap.dedent(inspect.getsource(self.fn)))
        func = tree.body[0]
        func.decorator_list = []
        func.name = self.name
        return f'# GRADED FUNCTION: {self.name}\n' + ast.unparse(func) + '\n'


_MASTER_SOURCES = {}


def master_source(module, name):
    """The master notebook's graded cell for `name` (solution included)."""
    if module not in _MASTER_SOURCES:
        from . import curriculum, notebook
        assignment = next(a for a in list(curriculum.ASSIGNMENTS.values())
                          + list(curriculum.DEMOS.values())
                          if a.module == module)
        cells = notebook.graded_cells(notebook.read(assignment.master))
        _MASTER_SOURCES[module] = {n: s[-1] for n, s in cells.items()}
    return _MASTER_SOURCES[module][name]


class Mutants:
    """Mutant catalogue of one notebook.

    Bugs are small edits of the master's solution::

        mutants = Mutants(__name__)
        mutants.edit('sigmoid', 'sign error: use np.exp(-z)',
                     {'np.exp(-z)': 'np.exp(z)'}, public=True)

    Correct alternatives (``tests/autograder/equivalents``) are whole
    functions: ``@equivalents(name, description)``.
    """

    def __init__(self, module=None):
        self.by_name = {}
        self.module = module.rsplit('.', 1)[-1] if module else None

    def __call__(self, name, cause, public=False):
        def register(fn):
            self.by_name.setdefault(name, []).append(
                Mutant(name, cause, fn, public))
            return fn
        return register

    def edit(self, name, cause, edits, public=False, every=False):
        """Register a bug as ``{old text: new text}`` edits of the master."""
        if not edits or not isinstance(edits, dict):
            raise TypeError('edits must be a non-empty {old: new} dict')
        self.by_name.setdefault(name, []).append(
            Mutant(name, cause, public=public, edits=dict(edits),
                   every=every, module=self.module))


class Abort(Exception):
    """Stop the current case: the learner's code cannot be checked further."""


class Trial:
    """One grading run of one function: the learner's or the reference's."""

    def __init__(self, name, ref, runner, rng, mutants=(), layouts=None):
        self.name, self.rng = name, rng
        self._ref_fn = ref
        self._reference = ReferenceRunner(ref, memo=True)
        self._runner = runner   # .call(args, kwargs, seed, tensors, rebind)
        self.mutants = list(mutants)   # [(cause, function)]
        self.passed, self.total, self.messages = 0, 0, []   # weighted
        self.checks_passed, self.checks_total = 0, 0         # counted
        self.args_after = None  # the arguments as the last call left them
        self.last_type = ''     # type name of the last result (EagerTensor…)
        # per call: (aliased pairs, mutable parts) of the reference's result;
        # None while the reference itself runs (it records them)
        self._ref_layouts = layouts
        self.layouts = []

    # --------------------------------------------------------------- record
    def check(self, label, ok, message='', weight=1):
        """Record one named check; values weigh 2, structure 1."""
        self.total += weight
        self.checks_total += 1
        if ok:
            self.passed += weight
            self.checks_passed += 1
        else:
            self.messages.append(f'{label}: {message}' if message else label)
        return bool(ok)

    def require(self, label, ok, message=''):
        """Like :meth:`check`, but abort the case when it fails."""
        if not self.check(label, ok, message):
            raise Abort(label)

    @contextmanager
    def case(self, label=None):
        """Checks that can be lost together, e.g. one input shape."""
        try:
            yield
        except Abort:
            pass

    # ----------------------------------------------------------------- call
    def call(self, *args, seed=None, label=None, tensors=False, rebind=None,
             **kwargs):
        """Call the function under test; a crash aborts the case.

        `seed` seeds NumPy's global RNG just before the call; `tensors=True`
        turns array arguments into ``tf.constant``s; `rebind` ({name:
        source}) swaps another graded function for the one `source`
        defines, for this call (e.g. a wrong gradient for a checker).
        Results come back as data (tensors as numpy arrays; their type
        name in ``last_type``). When our result has two or more mutable
        parts, a check records that the learner's parts are separate
        objects wherever ours are.
        """
        label = label or f'{self.name}() runs'
        index = len(self.layouts)
        expected = (self._ref_layouts[index] if self._ref_layouts is not None
                    and index < len(self._ref_layouts) else None)
        try:
            outcome = self._runner.call(args, kwargs, seed, tensors, rebind)
        except SandboxError as err:
            self.layouts.append(expected)
            # not a check of its own: the checks this case did not reach
            # are lost, and this message says why
            self.messages.append(f'{label}: {describe_error(err.info)}')
            raise Abort(label) from None
        self.args_after, self.last_type = outcome.args_after, outcome.type
        layout = (set(outcome.aliases), outcome.parts)
        self.layouts.append(layout if self._ref_layouts is None else expected)
        if expected is None and self._ref_layouts is None:
            expected = layout
        if expected is not None and expected[1] >= 2:
            extra = sorted(set(outcome.aliases) - expected[0])
            self.check(f'{label.removesuffix(" runs").rstrip(": ")}: '
                       'returned parts are separate objects',
                       not extra, _alias_message(extra), weight=2)
        return outcome.value

    def ref(self, *args, **kwargs):
        """Our reference's result on copies of the arguments, as data."""
        return self._reference.call(args, kwargs).value

    def ref_with(self, rebind, *args, **kwargs):
        """Our reference's result with other graded functions rebound."""
        return self._reference.call(args, kwargs, rebind=rebind).value

    def model(self, label, got, expected, inputs, calls=({},), via=None,
              rtol=1e-4, atol=1e-5):
        """A Keras model or layer: architecture, parameters, and outputs
        on `inputs` with our weights copied in, for each kwargs of
        `calls` (e.g. ``{'training': False}``, masks).

        `got` and `expected` are what ``t.call`` and ``t.ref`` returned
        (summaries); `via` rebuilds it with each mutant to name a cause.
        """
        self.require(f'{label}: returns a Keras model or layer',
                     isinstance(got, KerasSummary),
                     f'expected a Keras model or layer, got '
                     f'{_type_name(got)} — return the model itself')
        inputs = list(inputs)
        ref_out, ref_sum = self._reference.run_model(
            expected.handle, inputs, calls[0])
        try:
            got_out, got_sum = self._runner.run_model(got.handle, inputs,
                                                      calls[0])
        except SandboxError as err:
            self.messages.append(f'{label}: calling it on inputs of shape '
                                 f'{[np.shape(x) for x in inputs]} '
                                 f'{describe_error(err.info)}')
            raise Abort(label) from None
        diff = keras_checks.first_difference(got_sum, ref_sum)
        cause = self._model_cause(got_sum, via, inputs, calls[0]) \
            if diff and via else None
        self.check(f'{label}: architecture', not diff,
                   diff + (f' — likely cause: {cause}' if cause else ''),
                   weight=2)
        self.check(f'{label}: number of parameters',
                   got_sum['params'] == ref_sum['params'],
                   f'expected {ref_sum["params"]:,}, got '
                   f'{got_sum["params"]:,}')
        self.check(f'{label}: trainable parameters',
                   got_sum['trainable_params'] == ref_sum['trainable_params'],
                   f'expected {ref_sum["trainable_params"]:,}, got '
                   f'{got_sum["trainable_params"]:,} — check which layers '
                   'are frozen (trainable=False)')
        mapping, why = keras_checks.match_groups(got_sum['groups'],
                                                 ref_sum['groups'])
        ours = self._reference.weights(expected.handle)
        for kwargs in calls:
            tag = f'{label}: outputs with our weights' + (
                ' (' + ', '.join(f'{k}={v}' for k, v in kwargs.items()
                                 if not isinstance(v, np.ndarray)) + ')'
                if kwargs else '')
            if mapping is None:
                self.check(tag, False, f'our weights do not fit: {why}',
                           weight=2)
                continue
            try:
                got_out, _ = self._runner.run_model(
                    got.handle, inputs, kwargs, [ours[j] for j in mapping])
            except SandboxError as err:
                self.check(tag, False, describe_error(err.info), weight=2)
                continue
            ref_out, _ = self._reference.run_model(expected.handle, inputs,
                                                   kwargs)
            if not cause and via and not _matches(got_out, ref_out):
                cause = self._output_cause(got_out, via, inputs, kwargs,
                                           ours, ref_sum)
            self.close(tag, got_out, ref_out, rtol=rtol, atol=atol,
                       hint=f'likely cause: {cause}' if cause else
                       'the layers match ours but compute something else: '
                       'check what each one is applied to, and the order '
                       'of the steps')
        return got_sum

    def run_model(self, summary, inputs, kwargs=None, ours=False):
        """Outputs of a returned model/layer (the learner's, or ours with
        ``ours=True``) on `inputs`, with the weights it has now."""
        if ours:
            return self._reference.run_model(summary.handle, list(inputs),
                                             kwargs)[0]
        try:
            return self._runner.run_model(summary.handle, list(inputs),
                                          kwargs)[0]
        except SandboxError as err:
            self.messages.append(f'{self.name}: calling the result '
                                 f'{describe_error(err.info)}')
            raise Abort(self.name) from None

    def _output_cause(self, got_out, via, inputs, kwargs, ours, ref_sum):
        """The first mutant whose outputs (with our weights) match."""
        for cause, fn in self.mutants:
            try:
                alt = via(_as_data(fn))
                _, alt_sum = self._reference.run_model(alt.handle, inputs,
                                                       kwargs)
                mapping, _ = keras_checks.match_groups(alt_sum['groups'],
                                                       ref_sum['groups'])
                if mapping is None:
                    continue
                out, _ = self._reference.run_model(
                    alt.handle, inputs, kwargs, [ours[j] for j in mapping])
            except Exception:  # noqa: BLE001 (mutants may crash)
                continue
            if _matches(got_out, out):
                return cause
        return None

    def _model_cause(self, got_sum, via, inputs, kwargs):
        """The first mutant whose model has the learner's architecture."""
        for cause, fn in self.mutants:
            try:
                alt = via(_as_data(fn))
                _, alt_sum = self._reference.run_model(alt.handle, inputs,
                                                       kwargs)
            except Exception:  # noqa: BLE001 (mutants may crash)
                continue
            if not keras_checks.first_difference(got_sum, alt_sum) and \
                    alt_sum['params'] == got_sum['params']:
                return cause
        return None

    def diagnose(self, got, via):
        """The cause of the first mutant whose result matches `got`."""
        for cause, fn in self.mutants:
            try:
                alt = via(_as_data(fn))
            except Exception:  # mutants may crash where the learner did not
                continue
            if _matches(got, alt):
                return cause
        return None

    # -------------------------------------------------------------- helpers
    def type(self, label, value, types, hint=''):
        names = (types.__name__ if isinstance(types, type)
                 else ' or '.join(t.__name__ for t in types))
        got = _type_name(value)
        self.require(label, isinstance(value, types) and
                     not isinstance(value, Opaque),
                     f'expected {names}, got {got}' + _hint(hint))

    def shape(self, label, value, shape, hint='', via=None):
        try:
            got = np.shape(value) if not isinstance(
                value, (Opaque, KerasSummary)) else None
        except ValueError:   # a ragged tuple such as (cache, [cache])
            got = None
        cause = self.diagnose(value, via) if got != tuple(shape) and via \
            else None
        if cause:
            hint = f'likely cause: {cause}'
        elif got != tuple(shape):
            hint = ((hint + '; ') if hint else '') + (
                'the grader uses new sizes, so take them from the arguments '
                'rather than hard-coding them')
        self.require(label, got == tuple(shape),
                     f'expected shape {tuple(shape)}, got {got}' + _hint(hint))

    def key(self, label, mapping, key):
        self.require(label, isinstance(mapping, dict) and key in mapping,
                     f'missing key {key!r}' if isinstance(mapping, dict)
                     else f'expected a dict, got {_type_name(mapping)}')
        return mapping[key]

    def unpack(self, label, value, n):
        sequence = isinstance(value, (tuple, list))
        self.require(label, sequence and len(value) == n,
                     f'expected a tuple of {n} values, got '
                     + (f'{len(value)} values' if sequence
                        else _type_name(value)))
        return value

    def close(self, label, got, expected, via=None, rtol=1e-6, atol=1e-8,
              hint=''):
        """Values match; on mismatch name the likely cause from a mutant."""
        try:
            g = np.asarray(got, dtype=float)
            e = np.asarray(expected, dtype=float)
        except (TypeError, ValueError):
            return self.check(label, False, f'expected numbers, got '
                              f'{_type_name(got)}', weight=2)
        if g.shape != e.shape and g.size == e.size == 1:
            g, e = g.reshape(()), e.reshape(())
        if g.shape == e.shape and np.allclose(g, e, rtol=rtol, atol=atol):
            return self.check(label, True, weight=2)
        cause = self.diagnose(got, via) if via else None
        what = (_mismatch(g, e) if g.shape == e.shape else
                f'expected shape {e.shape}, got {g.shape}')
        return self.check(label, False, what + (
            f' — likely cause: {cause}' if cause else _hint(hint)), weight=2)


def _alias_message(extra):
    if not extra:
        return ''
    a, b = extra[0]
    return (f'the returned value{a or " itself"} and value{b} are one object '
            '(or share memory), so changing one changes the other — create '
            'each with its own np.zeros(...) / {} (or .copy() it)')


def _as_data(fn):
    """`fn` called like a sandbox call (Keras markers made real) with its
    result converted like a sandbox result (tensors -> numpy, models ->
    summaries), so reference and learner values compare alike. Results
    are remembered like the reference's (reference_memo.py)."""
    runner = ReferenceRunner(fn, memo=True)

    def call(*args, **kwargs):
        return runner.call(args, kwargs).value
    return call


def _matches(got, alt):
    try:
        g = np.asarray(got, dtype=float)
        a = np.asarray(alt, dtype=float)
    except (TypeError, ValueError):
        return False
    return g.shape == a.shape and np.allclose(g, a, rtol=1e-5, atol=1e-8,
                                              equal_nan=True)


def _mismatch(g, e):
    bad = np.isnan(g) & ~np.isnan(e)
    if bad.any():
        return (f'{int(bad.sum())} of {g.size} values are NaN — a log of 0 '
                'or a division by 0? (check signs and the learning rate)')
    if g.size == 1:
        return f'expected {e.item():.6g}, got {g.item():.6g}'
    diff = np.abs(g - e)
    ratio = ''
    with np.errstate(all='ignore'):
        r = g / e
    finite = r[np.isfinite(r) & (np.abs(e) > 1e-12)]
    if finite.size and np.allclose(finite, finite.flat[0], rtol=1e-6):
        ratio = f' (every value is {finite.flat[0]:.4g}× the expected one)'
    return (f'{int((diff > 1e-8 + 1e-6 * np.abs(e)).sum())} of {g.size} '
            f'values differ, largest error {np.nanmax(diff):.3g}{ratio}')


def _hint(hint):
    return f' — {hint}' if hint else ''


def _type_name(value):
    if isinstance(value, (Opaque, KerasSummary)):
        return value.type_name
    if isinstance(value, np.ndarray):
        return f'ndarray of shape {value.shape}'
    return type(value).__name__


HINTS = {
    'NotImplementedError': 'not implemented yet — replace the `raise '
                           'NotImplementedError` line with your code',
    'NameError': 'your function uses a name that does not exist when it is '
                 'graded on its own: use only its arguments, the notebook '
                 'imports and the other graded functions, not notebook '
                 'variables or helpers from other cells',
    'Timeout': 'is there an infinite loop, or work far larger than needed?',
    'Crash': 'the memory or CPU limit was hit — an endless loop or a huge '
             'array?',
    'MemoryError': 'the function used more memory than allowed',
    'PermissionError': 'graded functions may not write files, start '
                       'processes or read grader files',
    'SystemExit': 'do not call exit(), quit() or sys.exit() in a graded cell',
    'Exit': 'do not call os._exit() or exit the interpreter in a graded cell',
}


def describe_error(info):
    """One line for a learner's exception, with where and a hint."""
    kind, message = info.get('type', 'Error'), info.get('message', '')
    where = info.get('where') or []
    place = ''
    if where:
        last = where[-1]
        place = f' (line {last["line"]} of your cell: {last["code"]})'
    if kind == 'NotImplementedError':
        return HINTS[kind]
    if kind in ('Timeout', 'Crash', 'Exit', 'Refused'):
        text = message[0].upper() + message[1:]
    else:
        text = f'raised {kind}: {message}{place}'
    if kind in HINTS:
        text += f' — {HINTS[kind]}'
    elif 'shape' in message or 'broadcast' in message or 'align' in message:
        text += (' — a shape mismatch: check transposes, keepdims, and that '
                 'no size is hard-coded (the grader uses new shapes)')
    return text
