"""Compare a learner's Keras model or layer with ours, as data.

Summaries come from :mod:`autograder.keras_wire` (the learner's from the
sandbox, ours from this process). :func:`first_difference` names the first
layer that differs and how; :func:`match_groups` says whether our weights
fit the learner's model, so outputs can be compared with identical weights.
"""
import json

KEYS_FIRST = ('filters', 'units', 'kernel_size', 'pool_size', 'strides',
              'padding', 'activation', 'rate', 'axis', 'return_sequences',
              'return_state', 'num_heads', 'key_dim')


def _labels(nodes):
    """People's names for nodes: 'layer 3 (Conv2D)', 'the relu after
    layer 3'."""
    labels, count = [], 0
    for node in nodes:
        if node['class'] == 'Activation' and count:
            labels.append(f'the activation after layer {count}')
        else:
            count += 1
            labels.append(f'layer {count} ({node["class"]})')
    return labels


def describe(node):
    """A node as a short call: Conv2D(filters=8, kernel_size=[3, 3] …)."""
    if node['class'] == 'Activation':
        return f'a {node["config"].get("activation")} activation'
    config = node['config']
    keys = [k for k in KEYS_FIRST if k in config]
    args = ', '.join(f'{k}={_show(config[k])}' for k in keys[:4])
    return f'{node["class"]}({args})'


def _show(value):
    if isinstance(value, float):
        return f'{value:.6g}'
    if isinstance(value, list):
        return '(' + ', '.join(_show(v) for v in value) + ')'
    return repr(value)


def _source(labels, index):
    return 'the model input' if index < 0 else labels[index]


def first_difference(got, expected):
    """'' when the architectures agree, else one sentence about the first
    difference (with a hint where a common mistake is likely)."""
    if got['kind'] != expected['kind'] and expected['kind'] == 'graph':
        return (f'expected a model built from layers (Sequential or '
                f'Functional), got a {got["class"]} whose layers cannot be '
                'followed — return the Model (or the output tensor) itself')
    if expected['kind'] == 'graph':
        message = _graph_difference(got['nodes'], expected['nodes'])
    else:
        message = _layer_difference(got, expected)
    if message:
        return message
    if expected.get('compile') and got.get('compile') != \
            expected['compile']:
        return compile_difference(got.get('compile'), expected['compile'])
    if got['trainable'] != expected['trainable']:
        return (f'the model is trainable={got["trainable"]}, expected '
                f'trainable={expected["trainable"]}')
    return ''


def _graph_difference(got, exp):
    g_labels, e_labels = _labels(got), _labels(exp)
    merges = [n['class'] for n in exp if n['class'] in
              ('Add', 'Concatenate', 'Multiply')]
    for kind in sorted(set(merges)):
        have = sum(n['class'] == kind for n in got)
        want = merges.count(kind)
        if have < want:
            what = ('the skip connection is missing' if kind == 'Add'
                    else f'a {kind} merge is missing')
            return (f'{what}: {have} {kind} layer(s), expected {want}')
    for i in range(max(len(got), len(exp))):
        if i >= len(got):
            after = g_labels[-1] if got else 'the input'
            return (f'the model ends too early: after {after} expected '
                    f'{describe(exp[i])}')
        if i >= len(exp):
            return (f'extra layers at the end: {describe(got[i])} '
                    f'({g_labels[i]}) is not in the expected model')
        g, e = got[i], exp[i]
        if g['class'] != e['class']:
            if i + 1 < len(got) and got[i + 1]['class'] == e['class']:
                return (f'{g_labels[i]}: found {describe(g)} where '
                        f'{describe(e)} was expected — an extra layer?')
            if i + 1 < len(exp) and exp[i + 1]['class'] == g['class']:
                return (f'{describe(e)} is missing before {g_labels[i]} '
                        f'({describe(g)})')
            return (f'{g_labels[i]}: found {describe(g)}, expected '
                    f'{describe(e)}')
        if g['config'] != e['config']:
            key = _first_key(g['config'], e['config'])
            return (f'{g_labels[i]} has {key} '
                    f'{_show(g["config"].get(key))}, expected '
                    f'{_show(e["config"].get(key))}')
        if g['inputs'] != e['inputs']:
            got_from = ', '.join(_source(g_labels, j) for j in g['inputs'])
            want = ', '.join(_source(e_labels, j) for j in e['inputs'])
            return (f'{g_labels[i]} is applied to {got_from}, expected '
                    f'{want} — check which tensor each layer is called on '
                    '(a shortcut taken from the wrong tensor?)')
        if g['out'] != e['out']:
            return (f'{g_labels[i]} outputs shape {_show(g["out"])}, '
                    f'expected {_show(e["out"])}')
        if g['trainable'] != e['trainable']:
            return (f'{g_labels[i]} has trainable={g["trainable"]}, '
                    f'expected trainable={e["trainable"]}')
    return ''


def compile_difference(got, exp):
    """How a model's compile settings differ from ours."""
    if not got:
        return 'the model is not compiled — call model.compile(...)'
    for part in ('optimizer', 'loss', 'metrics'):
        g, e = got.get(part), exp.get(part)
        if g == e:
            continue
        if isinstance(g, dict) and isinstance(e, dict) and \
                g.get('class') == e.get('class'):
            key = _first_key(g['config'], e['config'])
            return (f'the {part} has {key} {_show(g["config"].get(key))}, '
                    f'expected {_show(e["config"].get(key))}')
        name = (lambda v: v.get('class') if isinstance(v, dict) else v)
        return f'the {part} is {name(g)!r}, expected {name(e)!r}'
    return ''


def _first_key(got, exp):
    keys = [k for k in KEYS_FIRST if k in got or k in exp]
    keys += sorted(set(got) | set(exp))
    return next(k for k in keys if got.get(k) != exp.get(k))


def _layer_difference(got, exp):
    g = [s['class'] for s in got.get('sublayers', [])]
    e = [s['class'] for s in exp.get('sublayers', [])]
    if sorted(g) != sorted(e):
        missing = sorted(set(e) - set(g)) or [
            c for c in set(e) if e.count(c) > g.count(c)]
        extra = sorted(set(g) - set(e)) or [
            c for c in set(g) if g.count(c) > e.count(c)]
        parts = []
        if missing:
            parts.append('missing ' + ', '.join(sorted(missing)))
        if extra:
            parts.append('unexpected ' + ', '.join(sorted(extra)))
        return (f'the sub-layers differ ({"; ".join(parts)}): expected '
                f'{_counted(e)}, found {_counted(g)}')
    by_class = {}
    for s in got.get('sublayers', []):
        by_class.setdefault(s['class'], []).append(s['config'])
    for s in exp.get('sublayers', []):
        options = by_class.get(s['class'], [])
        if s['config'] in options:
            options.remove(s['config'])
            continue
        other = options[0] if options else {}
        key = _first_key(other, s['config'])
        return (f'the {s["class"]} sub-layer has {key} '
                f'{_show(other.get(key))}, expected '
                f'{_show(s["config"].get(key))}')
    return ''


def _counted(classes):
    counts = {}
    for c in classes:
        counts[c] = counts.get(c, 0) + 1
    return ', '.join(f'{c}×{n}' if n > 1 else c for c, n in counts.items())


def match_groups(got_groups, ref_groups):
    """For each of the learner's weight groups, the index of ours with the
    same shapes (same kind of layer first), in order.

    Returns:
        (mapping, reason): mapping is a list (learner group -> our group)
        or None with a reason why our weights do not fit.
    """
    unused = list(range(len(ref_groups)))
    mapping = []
    for group in got_groups:
        same = [j for j in unused
                if ref_groups[j]['shapes'] == group['shapes']]
        kind = [j for j in same if _kind(ref_groups[j]) == _kind(group)]
        pick = (kind or same or [None])[0]
        if pick is None:
            return None, (f'your model has weights of shapes '
                          f'{json.dumps(group["shapes"])} where ours has '
                          'none alike')
        unused.remove(pick)
        mapping.append(pick)
    if unused:
        left = ref_groups[unused[0]]
        return None, (f'your model lacks weights of shapes '
                      f'{json.dumps(left["shapes"])} ({_kind(left)})')
    return mapping, ''


def _kind(group):
    return group['sig'].split('{', 1)[0]
