"""A character-level RNN in NumPy, provided to C5_W1A2 (Dinosaurus Island).

The notebook's graded functions (clip, sample, optimize, model) call these;
the grader imports the same module. One character is a one-hot column of
shape (vocab_size, 1); a name is a list of indices, X = [None] + indices
(None: the zero vector that starts every name), Y = indices + [newline].

Parameters: 'Wax' (n_a, vocab_size), 'Waa' (n_a, n_a), 'Wya'
(vocab_size, n_a), 'b' (n_a, 1), 'by' (vocab_size, 1). Gradients carry the
same names with a 'd' in front. Keep it free of heavy imports.
"""
import numpy as np

from .rnn_utils import softmax

__all__ = ['softmax', 'smooth', 'get_initial_loss', 'get_sample',
           'print_sample', 'vocabulary', 'initialize_parameters',
           'rnn_step_forward', 'rnn_step_backward', 'rnn_forward',
           'rnn_backward', 'update_parameters', 'GRADIENT_NAMES']

GRADIENT_NAMES = ('dWax', 'dWaa', 'dWya', 'db', 'dby')


def smooth(loss, cur_loss, beta=0.999):
    """Exponential moving average of the loss, for printing progress."""
    return beta * loss + (1 - beta) * cur_loss


def get_initial_loss(vocab_size, seq_length):
    """Loss of a name of `seq_length` characters when every one of the
    `vocab_size` characters is equally likely: seq_length * log(vocab_size)."""
    return -np.log(1.0 / vocab_size) * seq_length


def get_sample(sample_ix, ix_to_char):
    """The name a list of indices spells, first letter capitalised.

    Args:
        sample_ix: list of character indices (the last one usually the
            newline).
        ix_to_char: dict index -> character.

    Returns:
        name: str, e.g. 'Stegodon\\n'.
    """
    text = ''.join(ix_to_char[int(i)] for i in sample_ix)
    return text[:1].upper() + text[1:]


def print_sample(sample_ix, ix_to_char):
    """Print the name `sample_ix` spells, without its newline."""
    print(get_sample(sample_ix, ix_to_char).rstrip('\n'))


def vocabulary(text):
    """The sorted characters of `text` and the two lookup tables.

    Returns:
        chars: sorted list of the distinct characters ('\\n' first).
        char_to_ix: dict character -> index.
        ix_to_char: dict index -> character.
    """
    chars = sorted(set(text))
    return (chars, {c: i for i, c in enumerate(chars)},
            {i: c for i, c in enumerate(chars)})


def initialize_parameters(n_a, n_x, n_y, seed=1):
    """Small random weights and zero biases, from their own seeded
    generator (the global NumPy state is left alone).

    Returns:
        parameters: dict 'Wax' (n_a, n_x), 'Waa' (n_a, n_a), 'Wya'
            (n_y, n_a), 'b' (n_a, 1), 'by' (n_y, 1).
    """
    rng = np.random.default_rng(seed)
    return {'Wax': rng.normal(0, 0.01, (n_a, n_x)),
            'Waa': rng.normal(0, 0.01, (n_a, n_a)),
            'Wya': rng.normal(0, 0.01, (n_y, n_a)),
            'b': np.zeros((n_a, 1)), 'by': np.zeros((n_y, 1))}


def rnn_step_forward(parameters, a_prev, x):
    """One step: the new hidden state and the next-character probabilities.

    Args:
        parameters: dict as in initialize_parameters.
        a_prev: hidden state, shape (n_a, 1).
        x: one-hot input character (or zeros), shape (vocab_size, 1).

    Returns:
        a_next: shape (n_a, 1).
        p: probabilities of the next character, shape (vocab_size, 1).
    """
    a_next = np.tanh(parameters['Wax'] @ x + parameters['Waa'] @ a_prev
                     + parameters['b'])
    z = parameters['Wya'] @ a_next + parameters['by']
    e = np.exp(z - z.max())   # softmax of one column, without overflow
    return a_next, e / e.sum()


def rnn_step_backward(dy, gradients, parameters, x, a, a_prev, da_next):
    """Add one step's gradients into `gradients` (in place).

    Args:
        dy: gradient of the loss with respect to the scores of this step,
            p - one_hot(target), shape (vocab_size, 1).
        gradients: dict of running sums, keys GRADIENT_NAMES.
        parameters: dict as in initialize_parameters.
        x, a, a_prev: this step's input, state and previous state.
        da_next: gradient reaching a from the later steps, shape (n_a, 1).

    Returns:
        da_prev: gradient passed on to a_prev, shape (n_a, 1).
    """
    gradients['dWya'] += dy @ a.T
    gradients['dby'] += dy
    dz = (1 - a * a) * (parameters['Wya'].T @ dy + da_next)  # tanh'
    gradients['db'] += dz
    gradients['dWax'] += dz @ x.T
    gradients['dWaa'] += dz @ a_prev.T
    return parameters['Waa'].T @ dz


def _one_hot(index, size):
    x = np.zeros((size, 1))
    if index is not None:
        x[index] = 1
    return x


def rnn_forward(X, Y, a0, parameters, vocab_size=None):
    """Run the RNN over one name and add up the cross-entropy loss.

    Args:
        X: list of input indices, X[0] is None (the zero vector).
        Y: list of target indices, the same length: Y[t] = X[t + 1], and
            the last one is the newline.
        a0: initial hidden state, shape (n_a, 1).
        parameters: dict as in initialize_parameters.
        vocab_size: number of characters (default: from the parameters).

    Returns:
        loss: float, sum over t of -log p_t[Y[t]].
        cache: (p, a, x), dicts indexed by t; a[-1] is a0.
    """
    vocab_size = vocab_size or parameters['Wax'].shape[1]
    x, a, p = {}, {-1: np.copy(a0)}, {}
    loss = 0.0
    for t in range(len(X)):
        x[t] = _one_hot(X[t], vocab_size)
        a[t], p[t] = rnn_step_forward(parameters, a[t - 1], x[t])
        loss -= np.log(p[t][Y[t], 0])
    return float(loss), (p, a, x)


def rnn_backward(X, Y, parameters, cache):
    """Backpropagation through time over one name.

    The same sums as calling rnn_step_backward from the last step to the
    first, with the weight gradients of all steps taken in one product each.

    Returns:
        gradients: dict with 'dWax', 'dWaa', 'dWya', 'db', 'dby', shaped
            like the parameters.
        a: dict of the hidden states by time step (a[-1] is a0,
            a[len(X) - 1] the last one).
    """
    p, a, x = cache
    T = len(X)
    steps = range(T)
    dy = np.hstack([p[t] for t in steps])  # (vocab_size, T)
    dy[list(Y), list(steps)] -= 1           # p - one_hot(Y)
    states = np.hstack([a[t] for t in steps])  # (n_a, T)
    da = parameters['Wya'].T @ dy   # (n_a, T): from each step's output
    dz = np.zeros_like(states)
    da_next = np.zeros((states.shape[0], 1))
    waa_t = parameters['Waa'].T
    for t in reversed(steps):   # the state carries gradient backwards
        dz[:, t:t + 1] = (1 - states[:, t:t + 1] ** 2) * (da[:, t:t + 1]
                                                         + da_next)
        da_next = waa_t @ dz[:, t:t + 1]
    gradients = {
        'dWax': dz @ np.hstack([x[t] for t in steps]).T,
        'dWaa': dz @ np.hstack([a[t - 1] for t in steps]).T,
        'dWya': dy @ states.T,
        'db': dz.sum(axis=1, keepdims=True),
        'dby': dy.sum(axis=1, keepdims=True)}
    return gradients, a


def update_parameters(parameters, gradients, lr):
    """One gradient-descent step, in place: W -= lr * dW for each weight.

    Returns:
        parameters: the same dict, updated.
    """
    for name in ('Wax', 'Waa', 'Wya', 'b', 'by'):
        parameters[name] -= lr * gradients['d' + name]
    return parameters


class Progress:
    """What model(..., verbose=True) printed: the smoothed loss and the
    sampled names at each report (read back from the printed lines).

    Use as ``with Progress() as log: model(...)``; the lines still appear.
    Afterwards ``log.iterations``, ``log.losses`` and ``log.names`` (a list
    of lists, one per report) hold what was read.
    """

    def __enter__(self):
        import sys
        self._stdout, self._text = sys.stdout, []
        sys.stdout = self
        return self

    def write(self, text):
        self._text.append(text)
        return self._stdout.write(text)

    def flush(self):
        self._stdout.flush()

    def __exit__(self, *exc):
        import re
        import sys
        sys.stdout = self._stdout
        self.iterations, self.losses, self.names = [], [], []
        report = re.compile(r'Iteration\D*(\d+)\D+?Loss\D*?'
                            r'([-+]?\d+(?:\.\d*)?(?:[eE][-+]?\d+)?)')
        for line in ''.join(self._text).splitlines():
            found = report.search(line)
            if found:
                self.iterations.append(int(found.group(1)))
                self.losses.append(float(found.group(2)))
                self.names.append([])
            elif line.strip() and self.names:
                self.names[-1].append(line.strip())
        return False
