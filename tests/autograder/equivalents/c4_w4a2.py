"""Correct solutions written differently from ours: each must score full."""
import tensorflow as tf

from autograder.checking import Mutants

equivalents = Mutants()
# provided by the notebook (or the grader) when graded
gram_matrix = compute_style_cost = compute_content_cost = total_cost = None
vgg_model_outputs = a_C = a_S = optimizer = clip_0_1 = None


@equivalents('compute_content_cost', 'no unrolling, sizes from tf.shape, '
             'a mean over entries')
def compute_content_cost(content_output, generated_output):
    a_C, a_G = content_output[-1], generated_output[-1]
    return tf.reduce_mean((a_C - a_G) ** 2) / 4


@equivalents('compute_content_cost', 'unrolled to (n_C, n_H*n_W), '
             'divided step by step')
def compute_content_cost(content_output, generated_output):  # noqa: F811
    a_C, a_G = content_output[-1], generated_output[-1]
    m, n_H, n_W, n_C = a_G.shape
    u_C = tf.transpose(tf.reshape(a_C, [n_H * n_W, n_C]))
    u_G = tf.transpose(tf.reshape(a_G, [n_H * n_W, n_C]))
    total = tf.reduce_sum(tf.math.squared_difference(u_C, u_G))
    return total / 4 / n_H / n_W / n_C


@equivalents('gram_matrix', 'matmul with transpose_b')
def gram_matrix(A):  # noqa: F811
    return tf.matmul(A, A, transpose_b=True)


@equivalents('gram_matrix', 'einsum')
def gram_matrix(A):  # noqa: F811
    return tf.einsum('ip,jp->ij', A, A)


@equivalents('compute_layer_style_cost', 'Gram matrices straight from the '
             '4-D tensors with einsum, tf.size for the sizes')
def compute_layer_style_cost(a_S, a_G):
    n_C = tf.cast(tf.shape(a_G)[-1], tf.float32)
    n_HW = tf.cast(tf.shape(a_G)[1] * tf.shape(a_G)[2], tf.float32)
    GS = tf.einsum('bhwi,bhwj->ij', a_S, a_S)
    GG = tf.einsum('bhwi,bhwj->ij', a_G, a_G)
    return tf.reduce_sum((GS - GG) ** 2) / (4.0 * n_C ** 2 * n_HW ** 2)


@equivalents('compute_layer_style_cost', 'unrolled to (n_H*n_W, n_C): '
             'A^T A of that is the same Gram matrix')
def compute_layer_style_cost(a_S, a_G):  # noqa: F811
    _, n_H, n_W, n_C = a_G.get_shape().as_list()
    S = tf.reshape(a_S, [n_H * n_W, n_C])
    G = tf.reshape(a_G, [n_H * n_W, n_C])
    diff = tf.matmul(S, S, transpose_a=True) - tf.matmul(G, G,
                                                         transpose_a=True)
    return tf.reduce_sum(tf.square(diff)) / (4 * (n_C * n_H * n_W) ** 2)


@equivalents('total_cost', 'tf.add of two products')
def total_cost(J_content, J_style, alpha=10, beta=40):
    return tf.add(J_content * alpha, J_style * beta)


@equivalents('total_cost', 'a weighted sum over pairs')
def total_cost(J_content, J_style, alpha=10, beta=40):  # noqa: F811
    return sum(w * j for w, j in ((alpha, J_content), (beta, J_style)))


@equivalents('train_step', 'a list of variables, zip into the '
             'optimizer, tf.clip_by_value')
def train_step(generated_image):
    with tf.GradientTape() as tape:
        outputs = vgg_model_outputs(generated_image)
        J = total_cost(compute_content_cost(a_C, outputs),
                       compute_style_cost(a_S, outputs), alpha=10, beta=40)
    grads = tape.gradient(J, [generated_image])
    optimizer.apply_gradients(zip(grads, [generated_image]))
    generated_image.assign(tf.clip_by_value(generated_image, 0.0, 1.0))
    return J


@equivalents('train_step', 'costs in their own names, clip_0_1 through a '
             'new tensor')
def train_step(generated_image):  # noqa: F811
    with tf.GradientTape() as tape:
        tape.watch(generated_image)
        a_G = vgg_model_outputs(generated_image)
        style = compute_style_cost(a_S, a_G)
        content = compute_content_cost(a_C, a_G)
        J = total_cost(content, style)
    [grad] = tape.gradient(J, [generated_image])
    optimizer.apply_gradients([(grad, generated_image)])
    clipped = clip_0_1(generated_image)
    generated_image.assign(clipped)
    return J
