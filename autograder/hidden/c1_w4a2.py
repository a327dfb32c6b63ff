"""Hidden checks for C1_W4A2, Deep Neural Network for Image Classification.

The training loops are graded on small fresh problems for a few hundred
iterations (never on the cat pictures). Both models seed NumPy themselves
with np.random.seed(1), as the exercises say; each spec calls the learner's
model twice after different outside seeds, so a missing seed shows as two
runs that disagree.
"""
import numpy as np

from ..checking import Registry

checks = Registry()


def _size(t, low, high):
    return int(t.rng.integers(low, high))


def _problem(t):
    n_x, m = _size(t, 4, 9), _size(t, 12, 25)
    X = t.rng.normal(size=(n_x, m))
    w = t.rng.normal(size=(1, n_x))
    Y = ((w @ X) > 0).astype(float)  # (1, m), learnable
    Y[0, :2] = (0.0, 1.0)
    return X, Y


def _key(t, label, mapping, key):
    t.type(label, mapping, dict)
    t.require(label, key in mapping, f'missing key {key!r} — return the '
              'dict update_parameters gives, with W and b of every layer')
    return mapping[key]


def _spec(t, dims, rate, iters):
    X, Y = _problem(t)
    dims = type(dims)([X.shape[0]] + list(dims)[1:])
    args = (X, Y, dims)
    kwargs = {'learning_rate': rate, 'num_iterations': iters}
    run = (lambda f: f(*args, **kwargs))
    tag = f'layers_dims {list(dims)}, {iters} iterations'
    with t.case():
        out = t.call(*args, seed=0, label=f'{tag}: runs', **kwargs)
        params, costs = t.unpack(f'{tag}: returns (parameters, costs)',
                                 out, 2)
        e_params, e_costs = t.ref(*args, **kwargs)
        n_costs = len(e_costs)
        t.check(f'{tag}: one cost every 100 iterations',
                isinstance(costs, list) and len(costs) == n_costs,
                f'expected a list of {n_costs} costs, got '
                f'{len(costs) if hasattr(costs, "__len__") else costs} — '
                'append the cost when i % 100 == 0, counting i from 0')
        try:
            finite = bool(np.all(np.isfinite(np.asarray(costs, dtype=float))))
        except (TypeError, ValueError):
            finite = False
        t.check(f'{tag}: costs are finite numbers', finite,
                'a cost is nan, inf or not a number — if the parameters ran '
                'away, check the sign of dA, -(Y / A - (1 - Y) / (1 - A)), '
                'and of the update')
        t.close(f'{tag}: costs', costs, e_costs,
                via=lambda f: run(f)[1], rtol=1e-5,
                hint='start with np.random.seed(1) and follow the recipe: '
                     'forward, cost, backward, update')
        for key, want in e_params.items():
            with t.case():
                got = _key(t, f'{tag}: parameters has {key!r}', params, key)
                t.shape(f'{tag}: {key} shape', got, want.shape)
                t.close(f'{tag}: trained {key}', got, want,
                        via=lambda f, k=key: run(f)[0][k], rtol=1e-5,
                        hint='seed with np.random.seed(1) first, then '
                             'forward, cost, backward and update in every '
                             'iteration, with the given learning_rate')
        again = t.call(*args, seed=12345, label=f'{tag}: runs again',
                       **kwargs)
        t.check(f'{tag}: same result after another outside seed',
                isinstance(again, tuple) and len(again) == 2
                and isinstance(again[0], dict) and all(
                    k in again[0] and np.allclose(
                        np.asarray(again[0][k], dtype=float),
                        np.asarray(params[k], dtype=float))
                    for k in params),
                'two runs gave different parameters — start the function '
                'with np.random.seed(1), before initialising')


@checks('two_layer_model')
def two_layer_model(t):
    _spec(t, (0, _size(t, 3, 7), 1), float(t.rng.uniform(0.2, 0.6)), 201)


@checks('L_layer_model')
def L_layer_model(t):
    _spec(t, [0, _size(t, 4, 7), _size(t, 2, 5), 1],
          float(t.rng.uniform(0.1, 0.3)), 201)
