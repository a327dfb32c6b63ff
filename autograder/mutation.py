"""Generated mutants: generic small edits of a reference solution.

Hand-written mutants (``mutants/``) only test the bugs we thought of. Here
the standard ``ast`` module applies generic mutation operators to the
solution region (``### BEGIN SOLUTION`` … ``### END SOLUTION``) of a master
cell; :mod:`autograder.mutation_score` drops the equivalent ones and grades
the rest with the hidden checks.

Operators (one edit per mutant):

=============== ==========================================================
``arith``        ``+``↔``-``, ``*``↔``/``, ``**``→``*``, ``@``→``*``,
                 ``//``→``/``, ``%``→``//`` (also in ``x += …``)
``compare``      ``<``↔``<=``/``>``, ``==``↔``!=``, ``is``↔``is not`` …
``boolean``      ``and``↔``or``; ``not x`` → ``x``
``axis``         ``axis=0``↔``axis=1`` (``-1`` → ``0``)
``keepdims``     ``keepdims=True``↔``False``
``constant``     numbers ±1 and ×2, 0↔1; other booleans flipped
``seed``         the same for the seed of a random generator
                 (``np.random.seed(3)``, ``seed=1``)
``drop_term``    ``a + b`` → ``a`` and ``b`` (also ``-``, ``*``, ``/``,
                 ``@``); ``a ** b`` → ``a``
``negate``       unary minus dropped; added before the left operand of
                 ``+``/``-``, the argument of exp/log/tanh, a returned value
``transpose``    ``x.T`` → ``x``; ``transpose(x)`` → ``x``
``slice``        slice bounds ±1 (a missing one becomes 1 or -1), also in
                 ``slice(a, b)``
``range``        ``range(a, b)`` bounds ±1; ``range(n)`` → ``range(1, n)``
``swap_args``    ``f(a, b)`` → ``f(b, a)``
``function``     realistic swaps that exist: sum↔mean, max↔min, dot→
                 multiply, zeros↔ones, randn↔rand, floor↔ceil, 'relu'↔
                 'sigmoid' …
``drop_call``    a wrapping call dropped: ``abs(x)``, ``x.copy()``,
                 ``deepcopy(x)``, ``squeeze``, ``float``, ``astype`` …
``key_index``    ``f'W{l}'`` → ``f'W{l + 1}'`` and ``f'W{l - 1}'``
``return_local`` a returned name replaced by another local defined before
``drop_stmt``    an in-place update, a re-assignment or a call statement
                 dropped (``pass``)
=============== ==========================================================

Code inside ``print(…)`` is never mutated (it cannot change a result).
Mutants whose source repeats an earlier one or the reference are dropped,
so the list is deterministic and duplicate-free.

Why not a mutation-testing library (e.g. cosmic-ray): those mutate whole
modules on disk and run a test command per mutant in a fresh process, with
a session database; here a mutant is one notebook cell's solution region,
graded in process in milliseconds, and half the useful operators are
NumPy-specific (``axis``, ``keepdims``, ``.T``, function swaps).
"""
import ast
import copy
from dataclasses import dataclass

from .mutation_operators import OPERATORS, SEED_CALLS, callee

BEGIN, END = '### BEGIN SOLUTION', '### END SOLUTION'


@dataclass(frozen=True)
class Generated:
    """One generated mutant of a graded function."""
    name: str          # graded function
    operator: str      # one of the operators above
    line: int          # line in the master cell (1 = first)
    description: str   # 'old → new'
    source: str        # the whole mutated cell


def _children(node):
    """(field, index, child) of `node` in source order; index None for a
    single child."""
    for field, value in ast.iter_fields(node):
        if isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, ast.AST):
                    yield field, i, item
        elif isinstance(value, ast.AST):
            yield field, None, value


def _walk(node, parent=None, field=None, index=None):
    """Preorder (parent, field, index, node); print calls are skipped."""
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id == 'print'):
        return
    yield parent, field, index, node
    for f, i, child in _children(node):
        yield from _walk(child, node, f, i)


def _solution_lines(source):
    lines = source.split('\n')
    begin = next(i for i, s in enumerate(lines, 1) if BEGIN in s)
    end = next(i for i, s in enumerate(lines, 1) if END in s)
    return begin, end


class _Sites:
    """Collect (operator, node index, new node) for one parsed cell."""

    def __init__(self, tree, ns, first, last):
        self.ns, self.first, self.last = ns, first, last
        self.nodes = list(_walk(tree))
        self.keywords = {id(kw.value) for _, _, _, kw in self.nodes
                         if isinstance(kw, ast.keyword)
                         and kw.arg in ('axis', 'keepdims')}
        self.seeds = {id(n.args[0]) for _, _, _, n in self.nodes
                      if isinstance(n, ast.Call) and n.args
                      and callee(n) in SEED_CALLS} | {
            id(kw.value) for _, _, _, kw in self.nodes
            if isinstance(kw, ast.keyword) and kw.arg == 'seed'}
        self.found = []

    def inside(self, node):
        line = getattr(node, 'lineno', None)
        return line is not None and self.first < line < self.last

    def add(self, operator, index, new):
        self.found.append((operator, index, new))

    def collect(self):
        func = next(n for _, _, _, n in self.nodes
                    if isinstance(n, ast.FunctionDef))
        self.locals = [a.arg for a in func.args.args]
        for index, (parent, _, _, node) in enumerate(self.nodes):
            if isinstance(node, (ast.Assign, ast.AugAssign, ast.For)):
                targets = node.targets if isinstance(node, ast.Assign) \
                    else [node.target]
                for target in targets:
                    for n in ast.walk(target):
                        if isinstance(n, ast.Name) and \
                                n.id not in self.locals:
                            self.locals.append(n.id)
            if not self.inside(node):
                continue
            for method in OPERATORS:
                method(self, index, node, parent)
        return self.found


def _mutated(source, index, new):
    """The cell source with node number `index` replaced by `new`."""
    tree = ast.parse(source)
    parent, field, position, old = list(_walk(tree))[index]
    if position is None:
        setattr(parent, field, new)
    else:
        getattr(parent, field)[position] = new
    return ast.unparse(ast.fix_missing_locations(tree)), old


def generate(name, source, ns=None):
    """The generated mutants of graded function `name`, whose master cell
    is `source` (with its solution markers); `ns` (the reference
    namespace) lets function swaps keep to names that exist.

    Returns a list of :class:`Generated`, in source order, each source
    different from the reference and from every earlier mutant.
    """
    first, last = _solution_lines(source)
    tree = ast.parse(source)
    seen = {ast.unparse(tree)}
    out = []
    for operator, index, new in _Sites(tree, ns or {}, first,
                                       last).collect():
        mutated, old = _mutated(source, index, copy.deepcopy(new))
        if mutated in seen:
            continue
        seen.add(mutated)
        before, after = (ast.unparse(x) for x in (old, new))
        out.append(Generated(name, operator, old.lineno,
                             f'{_short(before)} → {_short(after)}', mutated))
    return out


def _short(text, width=60):
    text = ' '.join(text.split())
    return text if len(text) <= width else text[:width - 1] + '…'
