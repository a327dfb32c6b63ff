"""Hidden checks for C2_W1A3, Gradient Checking.

The 1-D functions get fresh numbers. The N-D check gets fresh 4-5-3-1
networks and inputs, once with correct gradients (it must pass them:
difference below 1e-7) and once each with our own set of corrupted
gradients (it must flag them: difference above 2e-7, and equal to our
reference's value). Inside the grader `gradient_check` sees our reference
`backward_propagation`, which is correct, so the 1-D check is tested on
correct gradients and on its arithmetic.
"""
import numpy as np

from shared_utils.gc_utils import SHAPES, forward_propagation_n

from ..checking import Registry

checks = Registry()

THRESHOLD = 2e-7
PASS = 1e-7


def _number(t, label, value):
    try:
        shape = np.shape(value)
    except ValueError:   # a ragged tuple or list, e.g. (cost, cache)
        shape = None
    t.require(label, shape == () and not isinstance(value, bool)
              and np.asarray(value).dtype.kind in 'iuf',
              f'expected a single number, got {type(value).__name__}'
              + (f' of shape {shape}' if shape is not None else '')
              + ' — return the difference itself '
              '(np.linalg.norm gives a number), not a list, array or '
              'True/False')


@checks('forward_propagation')
def forward_propagation(t):
    for _ in range(2):
        x, theta = (float(v) for v in t.rng.normal(0, 3, size=2))
        with t.case():
            J = t.call(x, theta, label=f'forward_propagation({x:.3g}, '
                       f'{theta:.3g}) runs')
            t.close(f'J for x={x:.3g}, theta={theta:.3g}', J, t.ref(x, theta),
                    via=lambda f, a=(x, theta): f(*a))
    x = t.rng.normal(0, 2, size=(int(t.rng.integers(3, 7)),))
    theta = float(t.rng.uniform(0.5, 2.0))
    with t.case():
        J = t.call(x, theta, label='forward_propagation on an array x runs')
        t.close('J for an array x', J, t.ref(x, theta),
                via=lambda f: f(x, theta),
                hint='multiply element by element: theta * x')


@checks('backward_propagation')
def backward_propagation(t):
    for _ in range(3):
        x, theta = (float(v) for v in t.rng.normal(0, 3, size=2))
        with t.case():
            d = t.call(x, theta, label=f'backward_propagation({x:.3g}, '
                       f'{theta:.3g}) runs')
            t.close(f'dtheta for x={x:.3g}, theta={theta:.3g}', d,
                    t.ref(x, theta), via=lambda f, a=(x, theta): f(*a))


@checks('gradient_check')
def gradient_check(t):
    cases = [dict(), dict(epsilon=float(t.rng.uniform(0.1, 0.9))),
             dict(print_msg=False)]
    for kwargs in cases:
        x = float(t.rng.choice([-1, 1]) * t.rng.uniform(0.3, 4))
        theta = float(t.rng.normal(0, 3))
        tag = f'x={x:.3g}, theta={theta:.3g}' + ''.join(
            f', {k}={v:.3g}' for k, v in kwargs.items() if k == 'epsilon')
        with t.case():
            diff = t.call(x, theta, label=f'{tag}: runs', **kwargs)
            _number(t, f'{tag}: returns one number', diff)
            t.check(f'{tag}: correct gradient passes (difference < 1e-7)',
                    0 <= float(diff) < PASS,
                    f'got {float(diff):.4g} for a correct backward pass — '
                    + (t.diagnose(diff, lambda f, a=(x, theta):
                                  f(*a, **kwargs))
                       or 'check gradapprox and the difference formula'))
    # The grader gives gradient_check other models to check: a wrong
    # backward pass must be flagged, and a curved J (where a one-sided
    # quotient is off by about epsilon) must give our difference.
    for tag, rebind, eps in (
            ('a wrong backward_propagation', {'backward_propagation':
             'def backward_propagation(x, theta):\n'
             '    return 1.5 * x\n'}, None),
            ('J = theta**2 * x', {
                'forward_propagation': 'def forward_propagation(x, theta):\n'
                                       '    return theta ** 2 * x\n',
                'backward_propagation':
                    'def backward_propagation(x, theta):\n'
                    '    return 2 * theta * x\n'}, 1e-3)):
        x = float(t.rng.choice([-1, 1]) * t.rng.uniform(0.5, 3))
        theta = float(t.rng.choice([-1, 1]) * t.rng.uniform(0.5, 2))
        kwargs = {} if eps is None else {'epsilon': eps}
        with t.case():
            diff = t.call(x, theta, rebind=rebind, label=f'{tag}: runs',
                          **kwargs)
            _number(t, f'{tag}: returns one number', diff)
            expected = t.ref_with(rebind, x, theta, **kwargs)
            t.close(f'{tag}: difference', diff, expected, rtol=1e-4,
                    atol=1e-9, hint='gradient_check must call '
                    'forward_propagation and backward_propagation, use the '
                    'two-sided quotient (J_plus - J_minus) / (2 * epsilon) '
                    'and divide ||grad - gradapprox|| by ||grad|| + '
                    '||gradapprox||')


def _network(t, m):
    """A fresh 4-5-3-1 network and inputs (reference-built fixtures)."""
    parameters = {name: t.rng.normal(0, 0.8, size=shape)
                  for name, shape in SHAPES}
    X = t.rng.normal(0, 1, size=(4, m))  # (4, m)
    Y = (t.rng.uniform(size=(1, m)) > 0.5).astype(float)  # (1, m)
    Y[0, :2] = (0.0, 1.0)  # both classes present
    return parameters, X, Y


def _backward(X, Y, cache):
    """Correct gradients of forward_propagation_n (grader-only)."""
    m = X.shape[1]
    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache
    dZ3 = A3 - Y  # (1, m)
    dZ2 = (W3.T @ dZ3) * (Z2 > 0)  # (3, m)
    dZ1 = (W2.T @ dZ2) * (Z1 > 0)  # (5, m)
    return {'dW1': dZ1 @ X.T / m, 'db1': dZ1.sum(1, keepdims=True) / m,
            'dW2': dZ2 @ A1.T / m, 'db2': dZ2.sum(1, keepdims=True) / m,
            'dW3': dZ3 @ A2.T / m, 'db3': dZ3.sum(1, keepdims=True) / m,
            'dZ1': dZ1, 'dZ2': dZ2, 'dZ3': dZ3}


def _largest(gradients, names):
    return max(names, key=lambda n: np.abs(gradients[n]).max())


def _corruptions(t, g):
    """Our set of wrong gradients: (label, corrupted copy of g)."""
    out = []
    scaled = {k: v.copy() for k, v in g.items()}
    name = _largest(g, ['dW1', 'dW2', 'dW3'])
    i = np.unravel_index(np.abs(g[name]).argmax(), g[name].shape)
    scaled[name][i] *= float(t.rng.uniform(1.3, 1.6))
    out.append(('one entry of a weight gradient scaled', scaled))
    flipped = {k: v.copy() for k, v in g.items()}
    name = _largest(g, ['dW1', 'dW2'])
    flipped[name] = -flipped[name]
    out.append(('one gradient array with its sign flipped', flipped))
    swapped = {k: v.copy() for k, v in g.items()}
    swapped['dW2'] = g['dW2'].T.reshape(g['dW2'].shape)  # (3, 5)
    out.append(('dW2 transposed and reshaped to its own shape', swapped))
    doubled = {k: v.copy() for k, v in g.items()}
    name = _largest(g, ['db1', 'db2', 'db3'])
    doubled[name] = 2 * doubled[name]
    out.append(('a bias gradient 2 times too large', doubled))
    return out


def _unchanged(t, tag, given):
    after = t.args_after[0]
    same = isinstance(after, dict) and all(
        np.array_equal(np.asarray(after.get(k), dtype=float), v)
        for k, v in given.items())
    t.check(f'{tag}: parameters left unchanged', same,
            'gradient_check_n changed the parameters it was given — nudge '
            'np.copy of the vector, never the caller\'s arrays')


@checks('gradient_check_n')
def gradient_check_n(t):
    m = int(t.rng.integers(3, 9))
    parameters, X, Y = _network(t, m)
    _, cache = forward_propagation_n(X, Y, parameters)
    good = _backward(X, Y, cache)
    args = (parameters, good, X, Y)
    tag = f'correct gradients, m={m}'
    with t.case():
        diff = t.call(*args, label=f'{tag}: runs')
        _number(t, f'{tag}: returns one number', diff)
        t.check(f'{tag}: pass the check (difference < 1e-7)',
                0 <= float(diff) < PASS,
                f'got {float(diff):.4g} — ' + (
                    t.diagnose(diff, lambda f: f(*args)) or
                    'compare your loop with the steps of exercise 4'))
        _unchanged(t, tag, parameters)
    for label, wrong in _corruptions(t, good):
        args = (parameters, wrong, X, Y)
        with t.case():
            diff = t.call(*args, label=f'{label}: runs')
            _number(t, f'{label}: returns one number', diff)
            expected = t.ref(*args)
            t.check(f'{label}: flagged (difference > 2e-7)',
                    float(diff) > THRESHOLD,
                    f'got {float(diff):.4g}, so these wrong gradients would '
                    'pass — ' + (t.diagnose(diff, lambda f, a=args: f(*a))
                                 or 'check the difference formula'))
            t.close(f'{label}: difference', diff, expected, rtol=1e-5,
                    via=lambda f, a=args: f(*a))
    m = int(t.rng.integers(3, 9))
    parameters, X, Y = _network(t, m)
    _, cache = forward_propagation_n(X, Y, parameters)
    wrong = _corruptions(t, _backward(X, Y, cache))[3][1]
    eps = float(t.rng.uniform(0.05, 0.2))
    args = (parameters, wrong, X, Y)
    with t.case():
        diff = t.call(*args, epsilon=eps, label=f'epsilon={eps:.3g}: runs')
        t.close(f'epsilon={eps:.3g}: difference', diff,
                t.ref(*args, epsilon=eps), rtol=1e-6,
                via=lambda f: f(*args, epsilon=eps),
                hint='use the epsilon argument and the two-sided quotient')
