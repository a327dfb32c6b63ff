"""Keras models and layers as data, on both sides of the sandbox.

Loaded by path in the sandbox child (it imports nothing from the autograder
package) and imported normally in the grader. A Keras object never crosses
the process boundary: the side that built it keeps it in :data:`STORE` and
sends a *summary* (plain data) with a handle; the grader later asks that
side to run it on hidden inputs, with weights copied from our reference.

Summary (a dict):

- ``kind``: ``'graph'`` (a functional graph: Sequential, Functional, or a
  function of ``keras.Input`` tensors) or ``'layer'`` (a layer or model
  subclass, or an unbuilt Sequential);
- ``nodes`` (graph): the operations in a canonical order (by depth, then
  kind), each ``{'class', 'config', 'out', 'params', 'inputs'}`` where
  ``inputs`` are indices of earlier nodes (``-1, -2 …`` the model inputs).
  Fused activations are their own ``Activation`` node, and ``ReLU()``,
  ``Activation('relu')`` and ``activation='relu'`` look the same;
- ``groups``: weight groups in canonical order, ``{'sig', 'shapes'}``;
- ``sublayers`` (layer): the direct sub-layers, ``{'class', 'config'}``;
- ``params``, ``trainable_params``, ``built``, ``class``.
"""
import json

STORE = []      # objects built on this side, by handle
DROP = {'name', 'dtype', 'trainable', 'seed', 'bias_initializer',
        'kernel_regularizer', 'bias_regularizer', 'activity_regularizer',
        'kernel_constraint', 'bias_constraint', 'gamma_initializer',
        'beta_initializer', 'moving_mean_initializer',
        'moving_variance_initializer', 'gamma_regularizer',
        'beta_regularizer', 'gamma_constraint', 'beta_constraint',
        'batch_shape', 'sparse', 'ragged', 'optional', 'build_config',
        'compile_config'}
COMMUTATIVE = {'Add', 'Multiply', 'Average', 'Maximum', 'Minimum'}
MAKEABLE = {'initializers', 'layers', 'optimizers', 'losses', 'activations',
            'regularizers', 'metrics'}


def is_keras(value):
    """A Keras layer or model (subclasses defined anywhere included)."""
    import sys
    keras = sys.modules.get('keras')
    return keras is not None and isinstance(value, keras.layers.Layer)


def is_keras_config(value):
    """An optimizer, loss or metric: compared by class and settings."""
    import sys
    keras = sys.modules.get('keras')
    return keras is not None and isinstance(
        value, (keras.optimizers.Optimizer, keras.losses.Loss,
                keras.metrics.Metric))


def config_summary(obj):
    """An optimizer / loss / metric as {'class', 'config'} (no name)."""
    config = _plain({k: v for k, v in obj.get_config().items()
                     if k not in DROP})
    return {'class': type(obj).__name__, 'config': config}


def keep(obj):
    STORE.append(obj)
    return len(STORE) - 1


# ------------------------------------------------------------- markers in
def materialize(value):
    """Replace input markers (``kinput`` / ``kmake`` records) by Keras
    objects: ``keras.Input(shape)``, ``keras.initializers.X(**kwargs)``."""
    kind = getattr(value, 'keras_marker', None)
    if kind == 'input':
        import keras
        return keras.Input(tuple(value.shape), dtype=value.dtype)
    if kind == 'make' and value.module == 'tf':   # tensors (C4_W4A2)
        import tensorflow as tf
        if value.name == 'Variable':
            return tf.Variable(**value.kwargs)
        if value.name == 'constant':
            return tf.constant(value.kwargs['value'])
        if value.name == 'constants':   # a list of tensors
            return [tf.constant(v) for v in value.kwargs['values']]
        raise ValueError(f'cannot make tf.{value.name}')
    if kind == 'make':
        import keras
        if value.module not in MAKEABLE:
            raise ValueError(f'cannot make keras.{value.module}')
        return getattr(getattr(keras, value.module), value.name)(
            **value.kwargs)
    if isinstance(value, (list, tuple)):
        return type(value)(materialize(v) for v in value)
    if isinstance(value, dict):
        return {k: materialize(v) for k, v in value.items()}
    return value


def symbolic_inputs(args, kwargs):
    import keras
    found = []

    def walk(v):
        if isinstance(v, keras.KerasTensor):
            found.append(v)
        elif isinstance(v, (list, tuple)):
            for item in v:
                walk(item)
        elif isinstance(v, dict):
            for item in v.values():
                walk(item)
    walk(list(args) + list(kwargs.values()))
    return found


def as_model(value, inputs):
    """A KerasTensor computed from keras.Input arguments -> a Model; a
    tuple or list of them (a block's output and skip connection) -> a
    tuple or list of Models, one per tensor."""
    import keras
    if len(inputs) == 1:     # a list of one would make calls warn
        inputs = inputs[0]
    if isinstance(value, keras.KerasTensor):
        return keras.Model(inputs=inputs, outputs=value)
    if isinstance(value, (tuple, list)) and value and all(
            isinstance(v, keras.KerasTensor) for v in value):
        return type(value)(keras.Model(inputs=inputs, outputs=v)
                           for v in value)
    return value


# --------------------------------------------------------------- summary
def _plain(value):
    if isinstance(value, dict):
        if 'class_name' in value and 'config' in value:
            return value['class_name']          # an initializer: its kind
        return {k: _plain(v) for k, v in sorted(value.items())
                if k not in DROP}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


def _config(layer):
    try:
        config = layer.get_config()
    except Exception:   # subclasses without get_config
        config = {}
    return _plain({k: v for k, v in config.items() if k not in DROP})


def _shape(tensors):
    shapes = [list(t.shape) for t in tensors]
    return shapes[0] if len(shapes) == 1 else shapes


def _op_entries(op, config):
    """One operation as summary nodes: ([entries]); a fused activation
    becomes a second, ``Activation`` entry."""
    cls = type(op).__name__
    if cls == 'ReLU' and not any(config.get(k) for k in
                                 ('max_value', 'negative_slope',
                                  'threshold')):
        return [('Activation', {'activation': 'relu'})]
    if cls == 'Softmax' and config.get('axis', -1) in (-1, [-1]):
        return [('Activation', {'activation': 'softmax'})]
    activation = config.pop('activation', None) if cls != 'Activation' \
        else None
    entries = [(cls, config)]
    if activation not in (None, 'linear'):
        entries.append(('Activation', {'activation': activation}))
    return entries


def _graph(model):
    """Canonical nodes of a functional graph, and its layers in order."""
    import keras
    inputs = list(model.inputs)
    raw, order = {}, []   # key -> {op, parents}

    def visit(node):
        key = id(node)
        if key in raw:
            return key
        parents = [visit(p) for p in node.parent_nodes]
        raw[key] = {'node': node, 'parents': parents}
        order.append(key)
        return key
    for out in model.outputs:
        op, index, _ = out._keras_history
        visit(op._inbound_nodes[index])
    depth, final, where = {}, [], {}
    for key in order:
        entry = raw[key]
        depth[key] = 1 + max((depth[p] for p in entry['parents']),
                             default=-1)
    levels = {}
    for key in order:
        levels.setdefault(depth[key], []).append(key)
    layers_in_order = []
    for d in sorted(levels):
        items = []
        for key in levels[d]:
            node = raw[key]['node']
            op = node.operation
            if isinstance(op, keras.layers.InputLayer):
                tensor = node.output_tensors[0]
                position = next(i for i, t in enumerate(inputs)
                                if t is tensor)
                where[key] = -1 - position
                continue
            parents = [where[p] for p in raw[key]['parents']]
            cls = type(op).__name__
            if isinstance(op, keras.Model):
                cls, config = 'Model', {
                    'class': type(op).__name__,
                    'layers': len(op.layers), 'params': op.count_params(),
                    'trainable': bool(op.trainable)}
            else:
                config = _config(op)
            if cls in COMMUTATIVE:
                parents = sorted(parents)
            rank = len(node.output_tensors[0].shape)
            if cls in ('BatchNormalization', 'LayerNormalization',
                       'Concatenate'):   # axis -1 and 3 are one axis
                config['axis'] = _axes(config.get('axis'), rank)
            if _pointwise(config):   # 1x1, stride 1: padding is moot
                config['padding'] = 'same'
            entries = _op_entries(op, config)
            sig = json.dumps([entries, parents], sort_keys=True,
                             default=str)
            items.append((sig, key, op, entries, parents, node))
        for sig, key, op, entries, parents, node in sorted(
                items, key=lambda item: item[0]):
            out = _shape(node.output_tensors)
            first = op not in layers_in_order
            if first:
                layers_in_order.append(op)
            for j, (cls, config) in enumerate(entries):
                final.append({
                    'class': cls, 'config': config, 'out': out,
                    'params': (op.count_params() if first and j == 0 and
                               getattr(op, 'built', False) else 0),
                    'trainable': bool(getattr(op, 'trainable', True)),
                    'inputs': parents if j == 0 else [len(final) - 1]})
            where[key] = len(final) - 1
    return final, layers_in_order


def _pointwise(config):
    """A convolution whose output does not depend on its padding: all
    kernel sizes 1, all strides 1."""
    sizes = config.get('kernel_size')
    strides = config.get('strides')
    return ('padding' in config and isinstance(sizes, list) and
            isinstance(strides, list) and set(sizes) == {1} and
            set(strides) == {1})


def _axes(axis, rank):
    """Normalisation axes as non-negative ints (-1 and 3 are one axis)."""
    axes = axis if isinstance(axis, list) else [axis]
    out = [a % rank if isinstance(a, int) else a for a in axes]
    return out[0] if len(out) == 1 else out


def _group(layer, sig=None):
    import keras
    # a nested model's config names its layers ('input_layer_24'), which
    # differ from build to build: describe it as the graph nodes do
    config = ({'layers': len(layer.layers), 'params': layer.count_params()}
              if isinstance(layer, keras.Model) else _config(layer))
    return {'sig': sig or type(layer).__name__ + json.dumps(
                config, sort_keys=True, default=str),
            'shapes': [list(w.shape) for w in layer.weights]}


def _children(layer):
    return list(layer._flatten_layers(include_self=False, recursive=False))


def _descendants(layer):
    return list(layer._flatten_layers(include_self=False, recursive=True))


def _leaves(obj):
    """Sub-layers without sub-layers of their own (wrappers such as a
    Sequential inside a layer disappear, so either way of writing it
    compares alike)."""
    return [d for d in _descendants(obj) if not _children(d)]


def _weight_owners(obj):
    """(owner, [variables it owns directly]) in canonical order."""
    if _is_graph(obj):
        _, layers = _graph(obj)
        # keras.ops calls in a graph (x[:, t], ops.argmax) own no weights
        return [(layer, list(layer.weights)) for layer in layers
                if getattr(layer, 'weights', None)]
    groups = []
    for layer in [obj] + _descendants(obj):
        below = {id(w) for child in _children(layer) for w in child.weights}
        own = [w for w in layer.weights if id(w) not in below]
        if own:
            groups.append((layer, own))
    return groups


def _is_graph(obj):
    import keras
    if not isinstance(obj, keras.Model):
        return False
    try:
        return bool(obj.outputs) and type(obj).__name__ in (
            'Functional', 'Sequential', 'Model')
    except (AttributeError, ValueError):
        return False


def summarize(obj):
    """A Keras object as plain data (see the module docstring)."""
    summary = {'class': type(obj).__name__, 'built': bool(obj.built)}
    if _is_graph(obj):
        nodes, _ = _graph(obj)
        summary.update(kind='graph', nodes=nodes)
    else:
        summary.update(kind='layer', nodes=[], sublayers=[
            {'class': type(c).__name__, 'config': _config(c)}
            for c in _leaves(obj)])
    groups = []
    for owner, variables in _weight_owners(obj):
        sig = 'self' if owner is obj else None
        group = _group(owner, sig)
        group['shapes'] = [list(w.shape) for w in variables]
        groups.append(group)
    summary['groups'] = groups
    summary['params'] = int(sum(_size(s) for g in groups
                                for s in g['shapes']))
    summary['trainable_params'] = int(sum(
        _size(list(w.shape)) for w in obj.trainable_weights))
    summary['trainable'] = bool(obj.trainable)
    summary['compile'] = _compiled(obj)
    return summary


def _compiled(obj):
    """A compiled model's optimizer, loss and metrics (None if not)."""
    if not getattr(obj, 'compiled', False):
        return None
    optimizer = getattr(obj, 'optimizer', None)
    loss = getattr(obj, 'loss', None)
    return {'optimizer': config_summary(optimizer) if optimizer else None,
            'loss': (config_summary(loss) if is_keras_config(loss)
                     else _plain(loss)),
            'metrics': _plain(obj.get_compile_config().get('metrics'))}


def _size(shape):
    n = 1
    for dim in shape:
        n *= int(dim)
    return n


# ------------------------------------------------------------------- run
def weights_of(obj):
    """Weight values as numpy arrays, by group (canonical order)."""
    return [[w.numpy() for w in variables]
            for _, variables in _weight_owners(obj)]


def run(obj, inputs, kwargs, weights=None):
    """Call a stored model/layer on `inputs` (a list of arrays).

    Args:
        obj: a Keras model or layer; built on first call if needed.
        inputs: list of numpy arrays, one per model input / positional
            argument of the layer.
        kwargs: keyword arguments of the call (``training``, masks).
        weights: None, or values by weight group in this object's own
            group order, as :func:`weights_of` gives them.

    Returns:
        The outputs as numpy arrays (a list when there are several).
    """
    import numpy as np
    if not obj.built:
        obj(*inputs, **kwargs)
    if weights is not None:
        groups = _weight_owners(obj)
        if [[list(np.shape(w)) for w in g] for g in weights] != \
                [[list(v.shape) for v in vs] for _, vs in groups]:
            raise ValueError('the weights do not fit this model')
        for (_, variables), values in zip(groups, weights):
            for variable, value in zip(variables, values):
                variable.assign(value)
    if _is_graph(obj) and len(obj.inputs) > 1:
        out = obj(list(inputs), **kwargs)
    else:
        out = obj(*inputs, **kwargs)
    if isinstance(out, (list, tuple)):
        return [np.asarray(o) for o in out]
    return np.asarray(out)
