"""Realistic learner bugs for C2_W1A3, as edits of the master's solution.

Each entry: function, likely cause, ``{old text: new text}`` edits of the
master's graded cell (each old text occurs there exactly once). The most
common bug of each function is ``public=True``: its public check catches it.
"""
from ..checking import Mutants

mutants = Mutants(__name__)
edit = mutants.edit

edit('forward_propagation', 'J is theta * x, not theta + x',
     {'J = theta * x': 'J = theta + x'}, public=True)
edit('forward_propagation', 'J is theta * x, not theta ** x',
     {'J = theta * x': 'J = theta ** x'})
edit('forward_propagation', 'return theta * x, not theta alone',
     {'J = theta * x': 'J = theta'})

edit('backward_propagation', 'the derivative of theta * x with respect to '
     'theta is x, not theta', {'dtheta = x': 'dtheta = theta'}, public=True)
edit('backward_propagation', 'the derivative is x, not theta * x (that is '
     'J itself)', {'dtheta = x': 'dtheta = theta * x'})
edit('backward_propagation', 'the derivative is x, not 1',
     {'dtheta = x': 'dtheta = 1.0'})

edit('gradient_check', 'divide J_plus - J_minus by 2 * epsilon, not by '
     'epsilon', {'/ (2 * epsilon)': '/ epsilon'}, public=True)
edit('gradient_check', 'sign error: gradapprox is (J_plus - J_minus) / '
     '(2 * epsilon)', {'(J_plus - J_minus)': '(J_minus - J_plus)'})
edit('gradient_check', 'returned True/False; return the difference itself',
     {'    return difference': '    return bool(difference < 2e-7)'})
edit('gradient_check', 'J_plus + J_minus: the quotient needs the '
     'difference J_plus - J_minus', {'(J_plus - J_minus)': '(J_plus + J_minus)'})

edit('gradient_check_n', 'divide J_plus - J_minus by 2 * epsilon, not by '
     'epsilon', {'/ (2 * epsilon)': '/ epsilon'}, public=True)
edit('gradient_check_n', 'the difference must be relative: divide by '
     '||grad|| + ||gradapprox||',
     {'difference = gap / scale': 'difference = gap'})
edit('gradient_check_n', 'one nudge vector for the whole loop keeps the '
     'earlier entries nudged: make a fresh zero vector for each i',
     {'J_minus = np.zeros((n, 1))\n':
      'J_minus = np.zeros((n, 1))\n    nudge = np.zeros((n, 1))\n',
      '        nudge = np.zeros((n, 1))\n': ''})
edit('gradient_check_n', 'one-sided quotient (J_plus - J) / epsilon; use '
     'the two-sided (J_plus - J_minus) / (2 * epsilon)',
     {'vector_to_dictionary(theta - nudge)': 'vector_to_dictionary(theta)',
      '/ (2 * epsilon)': '/ epsilon'})
edit('gradient_check_n', 'the epsilon argument is ignored (a fixed 1e-7 is '
     'used)', {'nudge[i] = epsilon': 'nudge[i] = 1e-7',
               '/ (2 * epsilon)': '/ (2 * 1e-7)'})
edit('gradient_check_n', 'the denominator is ||grad|| + ||gradapprox||, '
     'not ||grad + gradapprox||',
     {'scale = np.linalg.norm(grad) + np.linalg.norm(gradapprox)':
      'scale = np.linalg.norm(grad + gradapprox)'})
