"""Correct solutions written differently from ours: each must score full."""
import numpy as np

from autograder.checking import Mutants

equivalents = Mutants()
rnn_cell_forward = lstm_cell_forward = sigmoid = softmax = None


@equivalents('rnn_cell_forward', 'np.dot, and a softmax written inline')
def rnn_cell_forward(xt, a_prev, parameters):
    a_next = np.tanh(np.dot(parameters['Waa'], a_prev)
                     + np.dot(parameters['Wax'], xt) + parameters['ba'])
    scores = np.dot(parameters['Wya'], a_next) + parameters['by']
    e = np.exp(scores - scores.max(axis=0))
    yt_pred = e / e.sum(axis=0)
    return a_next, yt_pred, (a_next, a_prev, xt, parameters)


@equivalents('rnn_cell_forward', 'one product of stacked weights and '
             'stacked inputs')
def rnn_cell_forward(xt, a_prev, parameters):  # noqa: F811
    W = np.hstack([parameters['Waa'], parameters['Wax']])
    stacked = np.vstack([a_prev, xt])
    a_next = np.tanh(W @ stacked + parameters['ba'])
    yt_pred = softmax(parameters['Wya'] @ a_next + parameters['by'])
    cache = (a_next, a_prev, xt, parameters)
    return a_next, yt_pred, cache


@equivalents('rnn_forward', 'lists of steps, stacked at the end')
def rnn_forward(x, a0, parameters):
    states, outputs, caches = [], [], []
    a_t = a0
    for t in range(x.shape[2]):
        a_t, y_t, cache = rnn_cell_forward(x[:, :, t], a_t, parameters)
        states.append(a_t)
        outputs.append(y_t)
        caches.append(cache)
    return np.stack(states, axis=2), np.stack(outputs, axis=2), (caches, x)


@equivalents('rnn_forward', 'a while loop over np.moveaxis views, sizes '
             'from a0')
def rnn_forward(x, a0, parameters):  # noqa: F811
    steps = np.moveaxis(x, 2, 0)  # (T_x, n_x, m)
    a = np.empty(a0.shape + (len(steps),))
    y_pred = np.empty((parameters['by'].shape[0], a0.shape[1],
                       len(steps)))
    caches, a_prev, t = [], a0, 0
    while t < len(steps):
        a_prev, y_t, cache = rnn_cell_forward(steps[t], a_prev, parameters)
        a[..., t], y_pred[..., t] = a_prev, y_t
        caches += [cache]
        t += 1
    return a, y_pred, (caches, x)


@equivalents('lstm_cell_forward', 'the four gates from one stacked matrix')
def lstm_cell_forward(xt, a_prev, c_prev, parameters):
    n_a = a_prev.shape[0]
    W = np.vstack([parameters[k] for k in ('Wf', 'Wi', 'Wc', 'Wo')])
    b = np.vstack([parameters[k] for k in ('bf', 'bi', 'bc', 'bo')])
    z = W @ np.vstack([a_prev, xt]) + b
    ft, it, ot = (sigmoid(z[k * n_a:(k + 1) * n_a]) for k in (0, 1, 3))
    cct = np.tanh(z[2 * n_a:3 * n_a])
    c_next = np.multiply(ft, c_prev) + np.multiply(it, cct)
    a_next = np.multiply(ot, np.tanh(c_next))
    yt_pred = softmax(parameters['Wy'] @ a_next + parameters['by'])
    return a_next, c_next, yt_pred, (a_next, c_next, a_prev, c_prev, ft, it,
                                     cct, ot, xt, parameters)


@equivalents('lstm_cell_forward', 'weights split into state and input '
             'columns, sigmoid written inline')
def lstm_cell_forward(xt, a_prev, c_prev, parameters):  # noqa: F811
    n_a = a_prev.shape[0]

    def pre(gate):
        W = parameters['W' + gate]
        return (np.dot(W[:, :n_a], a_prev) + np.dot(W[:, n_a:], xt)
                + parameters['b' + gate])

    ft = 1 / (1 + np.exp(-pre('f')))
    it = 1 / (1 + np.exp(-pre('i')))
    cct = np.tanh(pre('c'))
    ot = 1 / (1 + np.exp(-pre('o')))
    c_next = c_prev * ft + cct * it
    a_next = np.tanh(c_next) * ot
    scores = np.dot(parameters['Wy'], a_next) + parameters['by']
    yt_pred = np.exp(scores) / np.sum(np.exp(scores), axis=0, keepdims=True)
    cache = (a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt, parameters)
    return a_next, c_next, yt_pred, cache


@equivalents('lstm_forward', 'lists of steps, stacked at the end')
def lstm_forward(x, a0, parameters):
    a_t, c_t = a0, np.zeros_like(a0)
    a_list, y_list, c_list, caches = [], [], [], []
    for t in range(x.shape[-1]):
        a_t, c_t, y_t, cache = lstm_cell_forward(x[..., t], a_t, c_t,
                                                 parameters)
        a_list.append(a_t)
        c_list.append(c_t)
        y_list.append(y_t)
        caches.append(cache)
    return (np.stack(a_list, -1), np.stack(y_list, -1),
            np.stack(c_list, -1), (caches, x))


@equivalents('lstm_forward', 'enumerate over the time steps, arrays filled '
             'in place')
def lstm_forward(x, a0, parameters):  # noqa: F811
    n_y = parameters['Wy'].shape[0]
    T_x = x.shape[2]
    a = np.zeros(a0.shape + (T_x,))
    c = np.zeros_like(a)
    y = np.zeros((n_y, x.shape[1], T_x))
    state, memory, caches = a0, np.zeros(a0.shape), []
    for t, xt in enumerate(np.transpose(x, (2, 0, 1))):
        state, memory, y[:, :, t], cache = lstm_cell_forward(
            xt, state, memory, parameters)
        a[:, :, t], c[:, :, t] = state, memory
        caches.append(cache)
    return a, y, c, (caches, x)
