"""Public checks for C2_W1A3, Gradient Checking.

One function per graded function, named like it:
``checks.gradient_check_n(gradient_check_n)``. Each check runs type, a
hand-computable input, a fixed input with expected numbers computed once
with our reference, and invariants, and stops at the first problem with a
message naming the likely cause.
"""
import numpy as np

from ..gc_utils import (SHAPES, backward_propagation_n,
                        forward_propagation_n)
from ._base import check
from ._hints import call as _call, likely as _likely, scalar as _scalar

THRESHOLD = 2e-7

# Expected differences, computed once with our reference on the networks
# below (the provided backward pass, epsilon 1e-7 and 0.1).
BUGGY_DIFF = 0.601992108790256
BUGGY_DIFF_EPS = 0.6009914042515964


def _network(seed, m, positive_layer2=False):
    """A fixed 4-5-3-1 network, inputs X (4, m) and labels Y (1, m)."""
    rng = np.random.default_rng(seed)
    parameters = {name: rng.normal(0, 0.8, size=shape)
                  for name, shape in SHAPES}
    if positive_layer2:
        # every layer-2 unit active on every example, a single example:
        # a network on which the provided backward pass is exact
        parameters['W2'] *= 0.3
        parameters['b2'] = np.full((3, 1), 3.0)
    X = rng.normal(0, 1, size=(4, m))  # (4, m)
    Y = (np.arange(m) % 2 == 0).astype(float).reshape(1, m)  # (1, m)
    return parameters, X, Y


def _copy(parameters):
    return {k: v.copy() for k, v in parameters.items()}


def forward_propagation(forward_propagation):
    """Check J = theta * x on numbers and on an array of inputs."""
    with check('forward_propagation') as c:
        J = c.call(forward_propagation, 3.0, -2.0)
        c.close(J, -6.0, 'forward_propagation(x=3, theta=-2)', _likely(J, [
            (1.0, 'J is theta * x, not theta + x'),
            (-8.0, 'J is theta * x, not theta ** x or x ** theta'),
            (-2.0, 'return theta * x, not theta alone')]))
        c.close(c.call(forward_propagation, 1.25, 0.8), 1.0,
                'forward_propagation(x=1.25, theta=0.8)')
        x = np.array([0.5, -1.0, 2.0])
        c.close(c.call(forward_propagation, x.copy(), 1.5), 1.5 * x,
                'forward_propagation on an array x',
                'multiply element by element: theta * x')


def backward_propagation(backward_propagation):
    """Check dJ/dtheta = x."""
    with check('backward_propagation') as c:
        d = c.call(backward_propagation, -0.7, 5.0)
        c.close(d, -0.7, 'backward_propagation(x=-0.7, theta=5)', _likely(
            d, [(5.0, 'the derivative of theta * x with respect to theta '
                 'is x, not theta'),
                (-3.5, 'the derivative is x, not theta * x (that is J)'),
                (1.0, 'the derivative is x, not 1')]))
        c.close(c.call(backward_propagation, 2.5, -1.0), 2.5,
                'backward_propagation(x=2.5, theta=-1)')


def gradient_check(gradient_check):
    """Check the 1-D relative difference: tiny for the correct gradient."""
    with check('gradient_check') as c:
        diff = _call(c, gradient_check, 1.7, -2.3, hint='compute gradapprox '
                     'with forward_propagation and grad with '
                     'backward_propagation')
        _scalar(c, diff, 'the difference', 'np.linalg.norm returns a '
                'number; do not wrap it in a list or an array')
        c.true(0 <= float(diff) < 1e-7, f'gradient_check(x=1.7, '
               f'theta=-2.3) returned {float(diff):.4g}, but the backward '
               'pass here is correct, so the difference should be below '
               '1e-7 — ' + _likely(diff, [
                   (1 / 3, 'divide J_plus - J_minus by 2 * epsilon, not by '
                    'epsilon'),
                   (1.0, 'sign error: gradapprox is (J_plus - J_minus) / '
                    '(2 * epsilon)')],
                   default='check gradapprox and the difference formula'))
        diff = c.call(gradient_check, -0.6, 3.1, epsilon=0.5)
        c.true(0 <= float(diff) < 1e-7, 'with epsilon=0.5 the two-sided '
               f'quotient of a linear J is still exact, but got '
               f'{float(diff):.4g} — use the epsilon argument and '
               'theta ± epsilon')


def gradient_check_n(gradient_check_n):
    """Check the N-D check on a buggy and on a correct backward pass."""
    with check('gradient_check_n') as c:
        parameters, X, Y = _network(12, 1, positive_layer2=True)
        _, cache = forward_propagation_n(X, Y, parameters)
        gradients = backward_propagation_n(X, Y, cache)
        given = _copy(parameters)
        diff = _call(c, gradient_check_n, given, gradients, X.copy(),
                     Y.copy(), hint='loop over the entries of '
                     'parameters_values; forward_propagation_n returns '
                     '(cost, cache)')
        _scalar(c, diff, 'the difference', 'np.linalg.norm returns a '
                'number; do not wrap it in a list or an array')
        c.true(0 <= float(diff) < 1e-7, f'on a network whose gradients '
               f'are correct the difference should be below 1e-7, got '
               f'{float(diff):.4g} — ' + _likely(diff, [
                   (1 / 3, 'divide J_plus - J_minus by 2 * epsilon, not by '
                    'epsilon, or copy the vector before nudging it '
                    '(np.copy) so theta_minus starts from the original'),
                   (1.0, 'sign error: gradapprox is (J_plus - J_minus) / '
                    '(2 * epsilon)')],
                   default='compare your loop with the steps of exercise '
                   '4: a fresh np.copy for theta_plus and theta_minus, '
                   'two-sided quotient, relative difference'))
        for name in parameters:
            c.true(np.array_equal(given[name], parameters[name]),
                   f'gradient_check_n changed parameters["{name}"] — nudge '
                   'copies of the vector, never the arrays you were given')

        parameters, X, Y = _network(11, 5)
        _, cache = forward_propagation_n(X, Y, parameters)
        gradients = backward_propagation_n(X, Y, cache)
        diff = c.call(gradient_check_n, _copy(parameters), gradients,
                      X.copy(), Y.copy())
        c.true(float(diff) > THRESHOLD, 'the provided backward pass has '
               f'bugs, but the difference is only {float(diff):.3g}: the '
               'check must not pass it')
        c.close(diff, BUGGY_DIFF, 'the difference for the provided '
                'backward pass on a 5-example problem',
                'difference = ||grad - gradapprox|| / (||grad|| + '
                '||gradapprox||), with np.linalg.norm', rtol=1e-5)
        diff = c.call(gradient_check_n, _copy(parameters), gradients,
                      X.copy(), Y.copy(), epsilon=0.1)
        c.close(diff, BUGGY_DIFF_EPS, 'the difference with epsilon=0.1',
                'use the epsilon argument, and the two-sided quotient '
                '(J_plus - J_minus) / (2 * epsilon), not a one-sided one',
                rtol=1e-6)
