"""The mutation operators of :mod:`autograder.mutation`.

Each operator is ``op(s, index, node, parent)``: for a node of the solution
region it calls ``s.add(operator_name, index, new_node)`` once per mutant,
``new_node`` replacing ``node`` (``ast.Pass()`` drops a statement). ``s``
(``mutation._Sites``) also holds ``nodes`` (the preorder walk), ``ns`` (the
reference namespace), ``locals`` (names bound so far), ``keywords`` and
``seeds`` (ids of constants given to ``axis``/``keepdims`` and to seeds).
The table of operators is in :mod:`autograder.mutation`.
"""
import ast
import builtins
import copy

ARITH = {ast.Add: [ast.Sub], ast.Sub: [ast.Add], ast.Mult: [ast.Div],
         ast.Div: [ast.Mult], ast.Pow: [ast.Mult], ast.MatMult: [ast.Mult],
         ast.FloorDiv: [ast.Div], ast.Mod: [ast.FloorDiv]}
COMPARE = {ast.Lt: [ast.LtE, ast.Gt], ast.LtE: [ast.Lt, ast.GtE],
           ast.Gt: [ast.GtE, ast.Lt], ast.GtE: [ast.Gt, ast.LtE],
           ast.Eq: [ast.NotEq], ast.NotEq: [ast.Eq], ast.Is: [ast.IsNot],
           ast.IsNot: [ast.Is], ast.In: [ast.NotIn], ast.NotIn: [ast.In]}
_PAIRS = [('sum', 'mean'), ('max', 'min'), ('amax', 'amin'),
          ('maximum', 'minimum'), ('argmax', 'argmin'), ('zeros', 'ones'),
          ('zeros_like', 'ones_like'), ('randn', 'rand'), ('floor', 'ceil'),
          ('reduce_sum', 'reduce_mean'), ('reduce_max', 'reduce_min'),
          ('add', 'subtract'), ('relu', 'sigmoid'), ('tanh', 'sigmoid'),
          ('sqrt', 'square'), ('GlorotNormal', 'GlorotUniform')]
SWAPS = {}
for _a, _b in _PAIRS:
    SWAPS.setdefault(_a, []).append(_b)
    SWAPS.setdefault(_b, []).append(_a)
SWAPS.update(dot=['multiply'], matmul=['multiply'], multiply=['dot'])
DROPPABLE_CALLS = {'abs', 'squeeze', 'float', 'deepcopy', 'copy', 'array',
                   'asarray', 'list', 'int', 'cast', 'astype', 'reshape',
                   'transpose'}
NEGATABLE = {'exp', 'log', 'tanh'}
ACTIVATIONS = ('relu', 'sigmoid', 'tanh')
SEED_CALLS = {'seed', 'set_seed', 'default_rng', 'RandomState'}


def _num(value):
    return ast.Constant(value) if value >= 0 else \
        ast.UnaryOp(ast.USub(), ast.Constant(-value))


def _plus(node, k):
    """`node + k`, folded when `node` is a constant."""
    if isinstance(node, ast.Constant) and type(node.value) in (int, float):
        return _num(node.value + k)
    return ast.BinOp(node, ast.Add() if k > 0 else ast.Sub(),
                     ast.Constant(abs(k)))


def callee(call):
    """The last name of a call's function: np.linalg.norm -> 'norm'."""
    f = call.func
    return f.attr if isinstance(f, ast.Attribute) else \
        f.id if isinstance(f, ast.Name) else None


def _resolve(node, ns):
    """The object a dotted name refers to in `ns`, or None."""
    if isinstance(node, ast.Name):
        return ns.get(node.id, getattr(builtins, node.id, None))
    if isinstance(node, ast.Attribute):
        base = _resolve(node.value, ns)
        return getattr(base, node.attr, None) if base is not None else None
    return None


def _replace(node, **fields):
    new = copy.copy(node)
    for key, value in fields.items():
        setattr(new, key, value)
    return new


def _op_swaps(s, i, node, parent):
    if isinstance(node, (ast.BinOp, ast.AugAssign)):
        for op in ARITH.get(type(node.op), []):
            s.add('arith', i, _replace(node, op=op()))
    elif isinstance(node, ast.Compare) and len(node.ops) == 1:
        for op in COMPARE.get(type(node.ops[0]), []):
            s.add('compare', i, _replace(node, ops=[op()]))
    elif isinstance(node, ast.BoolOp):
        other = ast.Or if isinstance(node.op, ast.And) else ast.And
        s.add('boolean', i, _replace(node, op=other()))
    elif isinstance(node, ast.UnaryOp) and \
            isinstance(node.op, (ast.Not, ast.USub)):
        s.add('boolean' if isinstance(node.op, ast.Not) else 'negate',
              i, node.operand)


def _keywords(s, i, node, parent):
    if not isinstance(node, ast.keyword) or id(node.value) not in s.keywords:
        return
    v = node.value
    value = v.value if isinstance(v, ast.Constant) else None
    if isinstance(v, ast.UnaryOp) and isinstance(v.operand, ast.Constant):
        value = -v.operand.value
    if node.arg == 'axis' and value in (0, 1, -1):
        s.add('axis', i, ast.keyword('axis', ast.Constant(
            {0: 1, 1: 0, -1: 0}[value])))
    elif node.arg == 'keepdims' and isinstance(value, bool):
        s.add('keepdims', i, ast.keyword('keepdims', ast.Constant(not value)))


def _constants(s, i, node, parent):
    if not isinstance(node, ast.Constant) or id(node) in s.keywords:
        return
    v = node.value
    if isinstance(v, bool):
        s.add('constant', i, ast.Constant(not v))
    elif isinstance(v, (int, float)):
        news = [v + 1, v - 1, v * 2] + ([1] if v == 0 else [0] if v == 1
                                        else [])
        kind = 'seed' if id(node) in s.seeds else 'constant'
        for new in dict.fromkeys(type(v)(n) for n in news if n != v):
            s.add(kind, i, _num(new))
    elif isinstance(v, str) and v in ACTIVATIONS and \
            not isinstance(parent, ast.JoinedStr):
        for new in ACTIVATIONS:
            if new != v:
                s.add('function', i, ast.Constant(new))


def _drop_terms(s, i, node, parent):
    if isinstance(node, ast.BinOp) and type(node.op) in (
            ast.Add, ast.Sub, ast.Mult, ast.Div, ast.MatMult):
        s.add('drop_term', i, node.left)
        s.add('drop_term', i, node.right)
    elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Pow):
        s.add('drop_term', i, node.left)
    if isinstance(node, ast.BinOp) and isinstance(
            node.op, (ast.Add, ast.Sub)) and \
            not isinstance(node.left, ast.UnaryOp):
        s.add('negate', i, _replace(node, left=ast.UnaryOp(
            ast.USub(), node.left)))
    if isinstance(node, ast.Call) and callee(node) in NEGATABLE and \
            len(node.args) == 1 and not isinstance(node.args[0], ast.UnaryOp):
        s.add('negate', i, _replace(node, args=[ast.UnaryOp(
            ast.USub(), node.args[0])]))
    if isinstance(node, ast.Return) and node.value is not None and \
            not isinstance(node.value, (ast.Tuple, ast.Dict)):
        s.add('negate', i, _replace(node, value=ast.UnaryOp(
            ast.USub(), node.value)))


def _calls(s, i, node, parent):
    if isinstance(node, ast.Attribute) and node.attr == 'T':
        s.add('transpose', i, node.value)
    if not isinstance(node, ast.Call):
        return
    name = callee(node)
    if name in ('range', 'slice') and isinstance(node.func, ast.Name):
        a = node.args
        bounds = [[_plus(a[0], 1)], [_plus(a[0], -1)],
                  [ast.Constant(1), a[0]]] if len(a) == 1 else \
            [[_plus(a[0], k)] + a[1:] for k in (1, -1)] + \
            [[a[0], _plus(a[1], k)] + a[2:] for k in (1, -1)]
        for args in bounds:
            s.add(name, i, _replace(node, args=args))
    elif len(node.args) == 2 and not node.keywords and not any(
            isinstance(a, ast.Starred) for a in node.args):
        s.add('swap_args', i, _replace(node, args=node.args[::-1]))
    for new in SWAPS.get(name, []):
        func = _replace(node.func, **({'attr': new} if isinstance(
            node.func, ast.Attribute) else {'id': new}))
        if _resolve(func, s.ns) is not None:
            s.add('function', i, _replace(node, func=func))
    if name in DROPPABLE_CALLS:
        method = isinstance(node.func, ast.Attribute) and \
            _resolve(node.func.value, s.ns) is None
        kind = 'transpose' if name == 'transpose' else 'drop_call'
        if method and name in ('copy', 'astype', 'reshape', 'transpose'):
            s.add(kind, i, node.func.value)
        elif not method and node.args:
            s.add(kind, i, node.args[0])


def _slices(s, i, node, parent):
    if not isinstance(node, ast.Slice):
        return
    for field in ('lower', 'upper'):
        bound = getattr(node, field)
        news = [_plus(bound, 1), _plus(bound, -1)] if bound is not None \
            else [ast.Constant(1) if field == 'lower' else _num(-1)]
        for new in news:
            s.add('slice', i, _replace(node, **{field: new}))


def _fstring_keys(s, i, node, parent):
    if isinstance(node, ast.FormattedValue) and \
            isinstance(node.value, ast.Name):
        for k in (1, -1):
            s.add('key_index', i, _replace(node, value=_plus(node.value, k)))


def _returns(s, i, node, parent):
    if not isinstance(node, ast.Return) or node.value is None:
        return
    value = node.value
    slots = [value] if isinstance(value, ast.Name) else \
        value.elts if isinstance(value, ast.Tuple) else \
        value.values if isinstance(value, ast.Dict) else []
    for slot in slots:
        if not isinstance(slot, ast.Name):
            continue
        at = next(k for k, entry in enumerate(s.nodes) if entry[3] is slot)
        for other in s.locals:
            if other != slot.id:
                s.add('return_local', at, ast.Name(other, ast.Load()))


def _statements(s, i, node, parent):
    if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
        if callee(node.value) != 'print':   # prints change no result
            s.add('drop_stmt', i, ast.Pass())
    elif isinstance(node, ast.AugAssign) or (
            isinstance(node, ast.Assign) and len(node.targets) == 1 and (
                isinstance(node.targets[0], (ast.Subscript, ast.Attribute))
                or _assigned_before(s, node))):
        s.add('drop_stmt', i, ast.Pass())


def _assigned_before(s, node):
    """Is this a re-assignment of a name set earlier (or a parameter)?"""
    target = node.targets[0]
    if not isinstance(target, ast.Name):
        return False
    for _, _, _, other in s.nodes:
        if other is node:
            break
        if isinstance(other, ast.arg) and other.arg == target.id:
            return True
        if isinstance(other, ast.Name) and other.id == target.id and \
                isinstance(other.ctx, ast.Store):
            return True
    return False


OPERATORS = [_op_swaps, _keywords, _constants, _drop_terms, _calls,
             _slices, _fstring_keys, _returns, _statements]
