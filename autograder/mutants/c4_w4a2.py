"""Realistic bugs for C4_W4A2, as edits of the master's solutions."""
from ..checking import Mutants

mutants = Mutants(__name__)
edit = mutants.edit

DIV_C = '4 * n_H * n_W * n_C)'
DIV_S = '4 * n_C ** 2 * (n_H * n_W) ** 2)'

# --------------------------------------------------- compute_content_cost
edit('compute_content_cost', 'the 1/(4 n_H n_W n_C) normalisation is '
     'missing: divide the sum of squares by 4 * n_H * n_W * n_C',
     {' / (\n        ' + DIV_C: ''}, public=True)
edit('compute_content_cost', 'the first element of the lists was used: the '
     'content layer is the last one, content_output[-1]',
     {'a_C = content_output[-1]': 'a_C = content_output[0]',
      'a_G = generated_output[-1]': 'a_G = generated_output[0]'})
edit('compute_content_cost', 'the two activations were unrolled in '
     'different orders (one reshaped straight to (n_C, n_H*n_W)): unroll '
     'both the same way',
     {'a_G_unrolled = tf.reshape(a_G, shape=[-1, n_C])':
      'a_G_unrolled = tf.transpose(tf.reshape(a_G, shape=[n_C, -1]))'})
edit('compute_content_cost', 'the differences are not squared: sum '
     'tf.square(a_C - a_G)',
     {'tf.reduce_sum(tf.square(a_C_unrolled - a_G_unrolled))':
      'tf.reduce_sum(a_C_unrolled - a_G_unrolled)'})
edit('compute_content_cost', 'the 4 is missing from 4 * n_H * n_W * n_C',
     {DIV_C: 'n_H * n_W * n_C)'})

# ------------------------------------------------------------- gram_matrix
edit('gram_matrix', 'A A was computed, or A^T A: the Gram matrix is A times '
     'its transpose, tf.matmul(A, tf.transpose(A)), shape (n_C, n_C)',
     {'GA = tf.matmul(A, tf.transpose(A))':
      'GA = tf.matmul(tf.transpose(A), A)'}, public=True)
edit('gram_matrix', 'an element-wise product A * A was used instead of '
     'the matrix product A A^T',
     {'GA = tf.matmul(A, tf.transpose(A))': 'GA = A * A'})
edit('gram_matrix', 'A was multiplied by A, not by its transpose: '
     'GA = tf.matmul(A, tf.transpose(A))',
     {'GA = tf.matmul(A, tf.transpose(A))': 'GA = tf.matmul(A, A)'})

# ------------------------------------------------- compute_layer_style_cost
edit('compute_layer_style_cost', 'the 1/(4 n_C^2 (n_H n_W)^2) normalisation '
     'is missing', {' / (\n        ' + DIV_S: ''}, public=True)
edit('compute_layer_style_cost', 'the activations were reshaped straight to '
     '(n_C, n_H*n_W), which mixes the filters: reshape to (n_H*n_W, n_C) '
     'first, then transpose',
     {'a_S = tf.transpose(tf.reshape(a_S, shape=[-1, n_C]))':
      'a_S = tf.reshape(a_S, shape=[n_C, -1])',
      'a_G = tf.transpose(tf.reshape(a_G, shape=[-1, n_C]))':
      'a_G = tf.reshape(a_G, shape=[n_C, -1])'})
edit('compute_layer_style_cost', 'the normalisation squares neither n_C '
     'nor n_H * n_W: divide by 4 * n_C^2 * (n_H * n_W)^2',
     {DIV_S: '4 * n_C * (n_H * n_W))'})
edit('compute_layer_style_cost', 'the differences of the Gram matrices are '
     'not squared', {'tf.reduce_sum(tf.square(GS - GG))':
                     'tf.reduce_sum(GS - GG)'})

# --------------------------------------------------------------- total_cost
edit('total_cost', 'alpha and beta are swapped: alpha weighs the content '
     'cost, beta the style cost',
     {'J = alpha * J_content + beta * J_style':
      'J = beta * J_content + alpha * J_style'}, public=True)
edit('total_cost', 'the weights alpha and beta are fixed at 10 and 40 '
     'instead of using the arguments',
     {'J = alpha * J_content + beta * J_style':
      'J = 10 * J_content + 40 * J_style'})
edit('total_cost', 'the style cost is not weighted by beta',
     {'J = alpha * J_content + beta * J_style':
      'J = alpha * J_content + J_style'})

# --------------------------------------------------------------- train_step
edit('train_step', 'the image is not clipped after the step, so pixels '
     'leave [0, 1]: generated_image.assign(clip_0_1(generated_image))',
     {'    generated_image.assign(clip_0_1(generated_image))\n': ''},
     public=True)
edit('train_step', 'the gradient is applied with the wrong sign (the '
     'optimizer already subtracts it): pass grad, not -grad',
     {'optimizer.apply_gradients([(grad, generated_image)])':
      'optimizer.apply_gradients([(-grad, generated_image)])'})
edit('train_step', 'the style cost compares with the content picture\'s '
     'activations: use compute_style_cost(a_S, a_G)',
     {'J_style = compute_style_cost(a_S, a_G)':
      'J_style = compute_style_cost(a_C, a_G)'})
edit('train_step', 'J_content and J_style are swapped in total_cost: '
     'alpha weighs the content cost',
     {'J = total_cost(J_content, J_style, alpha=10, beta=40)':
      'J = total_cost(J_style, J_content, alpha=10, beta=40)'})
edit('train_step', 'the cost was computed after clipping and returned '
     'from a second pass: return the J the gradient came from',
     {'    return J\n': '    return total_cost(compute_content_cost(a_C, '
      'vgg_model_outputs(generated_image)), compute_style_cost(a_S, '
      'vgg_model_outputs(generated_image)))\n'})
