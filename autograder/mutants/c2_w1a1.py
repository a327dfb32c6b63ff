"""C2_W1A1 (initialization): learner bugs as edits of the master's
solution; ``public=True`` marks the one the notebook's check catches."""
from ..checking import Mutants

mutants = Mutants(__name__)
edit = mutants.edit

edit('initialize_parameters_zeros', 'W_l is transposed: its shape is '
     '(layers_dims[l], layers_dims[l-1])',
     {'np.zeros((n, n_prev))': 'np.zeros((n_prev, n))'}, public=True)
edit('initialize_parameters_zeros', 'the loop stops one layer early: '
     'use range(1, len(layers_dims))',
     {'range(1, len(layers_dims))': 'range(1, len(layers_dims) - 1)'})
edit('initialize_parameters_zeros', 'b_l is a 1-D array; use '
     'np.zeros((layers_dims[l], 1))', {'np.zeros((n, 1))': 'np.zeros(n)'})
edit('initialize_parameters_zeros', 'W_l is random; this exercise '
     'starts every weight at zero',
     {'np.zeros((n, n_prev))': 'np.random.randn(n, n_prev) * 0.01'})

edit('initialize_parameters_random', 'np.random.rand is uniform on '
     '[0, 1); use np.random.randn',
     {'np.random.randn(n, n_prev)': 'np.random.rand(n, n_prev)'}, public=True)
edit('initialize_parameters_random', 'scaled by 0.01 instead of 10',
     {'randn(n, n_prev) * 10': 'randn(n, n_prev) * 0.01'})
edit('initialize_parameters_random', 'b_l is random too; biases start '
     'at zero', {'np.zeros((n, 1))': 'np.random.randn(n, 1) * 10'})
edit('initialize_parameters_random', 'W_l is transposed: its shape is '
     '(layers_dims[l], layers_dims[l-1])',
     {'np.random.randn(n, n_prev)': 'np.random.randn(n_prev, n)'})
edit('initialize_parameters_random', 'no np.random.seed(3): two runs '
     'give different weights', {'    np.random.seed(3)\n': ''})

edit('initialize_parameters_he', 'used sqrt(1 / n_{l-1}) (Xavier); He '
     'is sqrt(2 / n_{l-1})',
     {'np.sqrt(2 / n_prev)': 'np.sqrt(1 / n_prev)'}, public=True)
edit('initialize_parameters_he', 'the scale uses layers_dims[l]; He '
     'uses the previous layer\'s size layers_dims[l-1]',
     {'np.sqrt(2 / n_prev)': 'np.sqrt(2 / n)'})
edit('initialize_parameters_he', 'divided by sqrt(2 / n_{l-1}) instead '
     'of multiplying', {'* scale': '/ scale'})
edit('initialize_parameters_he', 'used 2 / n_{l-1} without the square '
     'root', {'np.sqrt(2 / n_prev)': '2 / n_prev'})
