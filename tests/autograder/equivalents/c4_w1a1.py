"""Correct solutions written differently from ours: each must score full."""
import numpy as np

from autograder.checking import Mutants

equivalents = Mutants()


@equivalents('zero_pad', 'np.zeros, then the batch copied into the middle')
def zero_pad(X, pad):
    m, n_H, n_W, n_C = X.shape
    out = np.zeros((m, n_H + 2 * pad, n_W + 2 * pad, n_C), dtype=X.dtype)
    out[:, pad:pad + n_H, pad:pad + n_W, :] = X
    return out


@equivalents('zero_pad', 'np.pad with the widths built as a list, default '
             'constant mode')
def zero_pad(X, pad):  # noqa: F811
    return np.pad(X, [(0, 0)] + [(pad, pad)] * 2 + [(0, 0)])


@equivalents('zero_pad', 'np.concatenate of zero blocks, rows then columns')
def zero_pad(X, pad):  # noqa: F811
    m, n_H, n_W, n_C = X.shape
    rows = np.zeros((m, pad, n_W, n_C))
    tall = np.concatenate([rows, X, rows], axis=1)
    cols = np.zeros((m, n_H + 2 * pad, pad, n_C))
    return np.concatenate([cols, tall, cols], axis=2)


@equivalents('conv_single_step', 'np.einsum over all three axes, b[0, 0, 0]')
def conv_single_step(a_slice_prev, W, b):
    return np.einsum('ijk,ijk->', a_slice_prev, W) + b[0, 0, 0]


@equivalents('conv_single_step', 'np.multiply and .sum(), float of b')
def conv_single_step(a_slice_prev, W, b):  # noqa: F811
    s = np.multiply(a_slice_prev, W)
    Z = s.sum()
    Z = Z + float(np.squeeze(b))
    return Z


@equivalents('conv_single_step', 'a flat dot product, np.float64 of it')
def conv_single_step(a_slice_prev, W, b):  # noqa: F811
    return np.float64(np.dot(a_slice_prev.ravel(), W.ravel()) + b.sum())


@equivalents('conv_forward', 'vectorised: sliding_window_view and einsum')
def conv_forward(A_prev, W, b, hparameters):
    stride, pad = hparameters['stride'], hparameters['pad']
    f = W.shape[0]
    A_pad = zero_pad(A_prev, pad)
    # (m, n_H_pad - f + 1, n_W_pad - f + 1, n_C_prev, f, f)
    windows = np.lib.stride_tricks.sliding_window_view(
        A_pad, (f, f), axis=(1, 2))
    windows = windows[:, ::stride, ::stride]  # (m, n_H, n_W, n_C_prev, f, f)
    Z = np.einsum('mhwcij,ijcn->mhwn', windows, W) + b  # (m, n_H, n_W, n_C)
    return Z, (A_prev, W, b, hparameters)


@equivalents('conv_forward', 'loops per example and position, tensordot '
             'over all filters at once, own padding with np.pad')
def conv_forward(A_prev, W, b, hparameters):  # noqa: F811
    m, H, Wd, _ = A_prev.shape
    f = W.shape[0]
    s = hparameters['stride']
    p = hparameters['pad']
    out_h = int((H - f + 2 * p) / s) + 1
    out_w = int((Wd - f + 2 * p) / s) + 1
    padded = np.pad(A_prev, ((0, 0), (p, p), (p, p), (0, 0)))
    Z = np.empty((m, out_h, out_w, W.shape[-1]))
    for i in range(m):
        for row in range(out_h):
            for col in range(out_w):
                patch = padded[i, row * s:row * s + f, col * s:col * s + f]
                Z[i, row, col] = np.tensordot(patch, W, axes=3) + b.ravel()
    cache = (A_prev, W, b, hparameters)
    return Z, cache


@equivalents('conv_forward', 'im2col: one matrix product for the batch')
def conv_forward(A_prev, W, b, hparameters):  # noqa: F811
    stride, pad = hparameters['stride'], hparameters['pad']
    f, _, n_C_prev, n_C = W.shape
    m, n_H_prev, n_W_prev, _ = A_prev.shape
    n_H = (n_H_prev + 2 * pad - f) // stride + 1
    n_W = (n_W_prev + 2 * pad - f) // stride + 1
    A_pad = zero_pad(A_prev, pad)
    columns = np.empty((m, n_H, n_W, f * f * n_C_prev))
    for h in range(n_H):
        for w in range(n_W):
            block = A_pad[:, h * stride:h * stride + f,
                          w * stride:w * stride + f, :]  # (m, f, f, n_C_prev)
            columns[:, h, w, :] = block.reshape(m, -1)
    Z = columns @ W.reshape(-1, n_C) + b.reshape(n_C)  # (m, n_H, n_W, n_C)
    return Z, (A_prev, W, b, hparameters)


@equivalents('pool_forward', 'vectorised: sliding_window_view, strided')
def pool_forward(A_prev, hparameters, mode='max'):
    f, stride = hparameters['f'], hparameters['stride']
    # (m, n_H_prev - f + 1, n_W_prev - f + 1, n_C, f, f)
    windows = np.lib.stride_tricks.sliding_window_view(
        A_prev, (f, f), axis=(1, 2))[:, ::stride, ::stride]
    reduce = np.max if mode == 'max' else np.mean
    return reduce(windows, axis=(-2, -1)), (A_prev, hparameters)


@equivalents('pool_forward', 'four loops, average tested first, '
             'np.average and a running maximum')
def pool_forward(A_prev, hparameters, mode='max'):  # noqa: F811
    m, H, Wd, C = A_prev.shape
    f, s = hparameters['f'], hparameters['stride']
    out = np.zeros((m, 1 + (H - f) // s, 1 + (Wd - f) // s, C))
    for i in range(m):
        for h in range(out.shape[1]):
            for w in range(out.shape[2]):
                for c in range(C):
                    patch = A_prev[i, h * s:h * s + f, w * s:w * s + f, c]
                    if mode == 'average':
                        out[i, h, w, c] = np.average(patch)
                    else:
                        best = patch[0, 0]
                        for value in patch.ravel():
                            best = max(best, value)
                        out[i, h, w, c] = best
    return out, (A_prev, hparameters)
