"""Correct solutions written differently from ours: each must score full."""
import copy

import numpy as np

from autograder.checking import Mutants

equivalents = Mutants()
clip = sample = optimize = model = softmax = None
rnn_forward = rnn_backward = update_parameters = None
initialize_parameters = get_initial_loss = smooth = get_sample = None
print_sample = None


@equivalents('clip', 'a dict comprehension of np.clip copies')
def clip(gradients, maxValue):
    return {name: np.clip(g, -maxValue, maxValue)
            for name, g in gradients.items()}


@equivalents('clip', 'np.minimum / np.maximum on a deep copy, key by key')
def clip(gradients, maxValue):  # noqa: F811
    out = copy.deepcopy(gradients)
    for key in ['dWaa', 'dWax', 'dWya', 'db', 'dby']:
        out[key] = np.minimum(np.maximum(out[key], -maxValue), maxValue)
    return out


@equivalents('clip', 'boolean masks on fresh arrays')
def clip(gradients, maxValue):  # noqa: F811
    result = {}
    for key, grad in gradients.items():
        g = np.array(grad, dtype=float)
        g[g > maxValue] = maxValue
        g[g < -maxValue] = -maxValue
        result[key] = g
    return result


@equivalents('sample', 'a for loop with break, np.dot, one-hot rows of '
             'np.eye, range(...) passed to np.random.choice')
def sample(parameters, char_to_ix, seed):
    Waa, Wax, Wya = parameters['Waa'], parameters['Wax'], parameters['Wya']
    b, by = parameters['b'], parameters['by']
    vocab_size = Wya.shape[0]
    eye = np.eye(vocab_size)
    x = np.zeros((vocab_size, 1))
    a = np.zeros((Waa.shape[1], 1))
    end = char_to_ix['\n']
    out = []
    np.random.seed(seed)
    for counter in range(50):
        a = np.tanh(np.dot(Wax, x) + np.dot(Waa, a) + b)
        z = np.dot(Wya, a) + by
        p = np.exp(z - np.max(z))
        p = p / np.sum(p)
        idx = np.random.choice(range(vocab_size), p=p[:, 0])
        out.append(int(idx))
        if idx == end:
            break
        x = eye[:, [idx]]
    else:
        out.append(end)
    return out


@equivalents('sample', 'a RandomState(seed) (the same stream as '
             'np.random.seed), a list of probabilities')
def sample(parameters, char_to_ix, seed):  # noqa: F811
    n_a = parameters['Waa'].shape[0]
    V = parameters['by'].shape[0]
    state, x = np.zeros((n_a, 1)), np.zeros((V, 1))
    newline, drawn = char_to_ix['\n'], []
    rs = np.random.RandomState(seed)
    while True:
        state = np.tanh(parameters['Wax'] @ x + parameters['Waa'] @ state
                        + parameters['b'])
        probs = softmax(parameters['Wya'] @ state + parameters['by'])
        idx = rs.choice(V, p=list(probs.flatten()))
        drawn.append(int(idx))
        if idx == newline:
            return drawn
        if len(drawn) == 50:
            return drawn + [newline]
        x = np.zeros((V, 1))
        x[idx, 0] = 1.0


@equivalents('optimize', 'the update written out, gradients clipped '
             'inline with np.clip')
def optimize(X, Y, a_prev, parameters, learning_rate=0.01):
    loss, cache = rnn_forward(X, Y, a_prev, parameters)
    grads, states = rnn_backward(X, Y, parameters, cache)
    grads = {k: np.clip(v, -5, 5) for k, v in grads.items()}
    for name in ['Wax', 'Waa', 'Wya', 'b', 'by']:
        parameters[name] -= learning_rate * grads['d' + name]
    return loss, grads, states[len(X) - 1]


@equivalents('optimize', 'clip() with keywords, update_parameters result '
             'kept, last state by max key')
def optimize(X, Y, a_prev, parameters, learning_rate=0.01):  # noqa: F811
    cur_loss, cache = rnn_forward(X, Y, a_prev, parameters)
    gradients, a = rnn_backward(X, Y, parameters, cache)
    gradients = clip(gradients=gradients, maxValue=5)
    parameters = update_parameters(parameters, gradients, lr=learning_rate)
    return cur_loss, gradients, a[max(a)]


@equivalents('model', 'epochs of the shuffled list, a RandomState(0) '
             'shuffle, names sampled in a list')
def model(data_x, ix_to_char, char_to_ix, num_iterations=35000, n_a=50,
          dino_names=7, vocab_size=27, verbose=False):
    params = initialize_parameters(n_a, vocab_size, vocab_size)
    order = list(data_x)
    np.random.RandomState(0).shuffle(order)
    smoothed = get_initial_loss(vocab_size,
                                sum(len(w) + 1 for w in order) / len(order))
    last = ''
    j = 0
    while j < num_iterations:
        for word in order:
            if j == num_iterations:
                break
            ids = [char_to_ix[c] for c in word]
            X, Y = [None] + ids, ids + [char_to_ix['\n']]
            step_loss, _, _ = optimize(X, Y, np.zeros((n_a, 1)), params)
            smoothed = smooth(smoothed, step_loss)
            if j % 2000 == 0:
                names = [get_sample(sample(params, char_to_ix, s),
                                    ix_to_char) for s in range(dino_names)]
                last = names[-1]
                if verbose:
                    print('Iteration: %d, Loss: %f' % (j, smoothed))
                    print(''.join(names))
            j += 1
    return params, last


@equivalents('model', 'examples as index lists made once, the last '
             'name sampled on its own')
def model(data_x, ix_to_char, char_to_ix, num_iterations=35000,  # noqa: F811
          n_a=50, dino_names=7, vocab_size=27, verbose=False):
    parameters = initialize_parameters(n_a, vocab_size, vocab_size)
    examples = [x.strip() for x in data_x]
    np.random.seed(0)
    np.random.shuffle(examples)
    coded = [[char_to_ix[c] for c in e] for e in examples]
    last_dino_name = ''
    for j in range(num_iterations):
        ix = coded[j % len(coded)]
        optimize([None] + ix, ix + [char_to_ix['\n']],
                 np.zeros((n_a, 1)), parameters, 0.01)
        if j % 2000 == 0 and dino_names > 0:
            last_dino_name = get_sample(
                sample(parameters, char_to_ix, dino_names - 1), ix_to_char)
    return parameters, last_dino_name.rstrip('\n')
