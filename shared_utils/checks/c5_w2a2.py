"""Public checks for C5_W2A2, Emojify.

One function per graded function: ``checks.model(model)``. They use a tiny
made-up vocabulary of 3-dimensional vectors (not GloVe), so every expected
value can be worked out by hand, and stop at the first problem with a
message naming the likely cause. Sentences are passed as lists, as the
grader passes them.
"""
import numpy as np

from ._base import check
from ._hints import likely as _likely

TINY = {'sun': (1.0, 2.0, 0.0), 'rain': (-1.0, 0.0, 3.0),
        'warm': (2.0, 2.0, 2.0), 'cold': (0.0, -2.0, 1.0),
        'day': (0.5, 0.5, -1.0)}
INDEX = {'sun': 4, 'rain': 2, 'warm': 5, 'cold': 1, 'day': 3}


def _tiny():
    return {w: np.array(v) for w, v in TINY.items()}


def _vec(*words):
    return np.mean([TINY[w] for w in words], axis=0)


def sentence_to_avg(sentence_to_avg):
    """Check the mean of the known words, case, repeats and no known
    word."""
    with check('sentence_to_avg') as c:
        vocab = _tiny()
        got = c.call(sentence_to_avg, 'sun and rain', vocab)
        c.shape(got, (3,), 'avg for 3-dimensional vectors', 'start from '
                'np.zeros of the vectors\' shape, not of a fixed size')
        c.close(got, _vec('sun', 'rain'), "avg of 'sun and rain' ('and' "
                'is unknown)', _likely(got, [
                    (np.sum([TINY['sun'], TINY['rain']], axis=0) / 3,
                     'divided by all 3 words; divide by the 2 known ones'),
                    (np.sum([TINY['sun'], TINY['rain']], axis=0),
                     'the division by the number of known words is '
                     'missing'),
                    (np.mean(list(TINY.values()), axis=0), 'averaged the '
                     'whole vocabulary; average the words of the '
                     'sentence')], 'avg = (e_sun + e_rain) / 2'))
        got = c.call(sentence_to_avg, 'Warm WARM day', vocab)
        c.close(got, _vec('warm', 'warm', 'day'), "avg of 'Warm WARM day'",
                _likely(got, [(np.array(TINY['day']), 'the sentence is not '
                               'lower-cased: use sentence.lower().split()'),
                              (_vec('warm', 'day'), 'a repeated word '
                               'counts every time it appears')],
                        'lower-case the sentence; every occurrence counts'))
        got = c.call(sentence_to_avg, 'nothing known here', vocab)
        c.close(got, np.zeros(3), 'avg of a sentence without known words',
                'return the zeros when no word is known (do not divide by '
                '0)')
        c.true(all(np.array_equal(vocab[w], TINY[w]) for w in TINY),
               'word_to_vec_map changed — avg = avg + e (or a copy), not '
               'avg = e followed by avg += ...')


def model(model):
    """Check shapes, the first updates against a hand-written loop, and
    that training fits an easy problem."""
    with check('model') as c:
        vocab = _tiny()
        X = ['sun warm', 'rain cold', 'warm day', 'cold rain day',
             'sun day', 'rain']
        Y = np.array([0, 1, 0, 1, 2, 1])
        out = c.call(model, X, Y, vocab, 0.1, 1)
        c.true(isinstance(out, tuple) and len(out) == 3,
               'return (pred, W, b).')
        pred, W, b = out
        c.shape(pred, (6, 1), 'pred', 'return predict(X, Y, W, b, '
                'word_to_vec_map)')
        c.shape(W, (3, 3), 'W for 3 classes and 3-dimensional vectors',
                'W = np.random.randn(n_y, n_h) / np.sqrt(n_h) with n_y = '
                'len(np.unique(Y))')
        c.shape(b, (3,), 'b', 'b = np.zeros((n_y,))')
        W_exp, b_exp = _one_pass(X, Y, 0.1)
        c.close(W, W_exp, 'W after one pass (learning_rate 0.1)', _likely(
            W, [(_one_pass(X, Y, 0.1, sign=-1)[0], 'dz = a - y (the update '
                 'subtracts learning_rate * dW)')],
            'seed with np.random.seed(1), W = randn(n_y, n_h) / '
            'sqrt(n_h), then update after every sentence in order'))
        c.close(b, b_exp, 'b after one pass', 'b = b - learning_rate * dz')
        pred, _, _ = c.call(model, X, Y, vocab, 0.1, 300)
        c.close(np.ravel(pred), Y, 'pred after 300 passes on 6 easy '
                'sentences', 'all six should be learned; check the '
                'gradients dz = a - y, dW = outer(dz, avg), db = dz')


def _one_pass(X, Y, rate, sign=1):
    np.random.seed(1)
    W = np.random.randn(3, 3) / np.sqrt(3)
    b = np.zeros(3)
    Y_oh = np.eye(3)[Y]
    for i, sentence in enumerate(X):
        known = [TINY[w] for w in sentence.split() if w in TINY]
        avg = np.mean(known, axis=0)
        z = W @ avg + b
        a = np.exp(z - z.max()) / np.sum(np.exp(z - z.max()))
        dz = sign * (a - Y_oh[i])
        W = W - rate * np.outer(dz, avg)
        b = b - rate * dz
    return W, b


def sentences_to_indices(sentences_to_indices):
    """Check the rows on sentences with unknown words, capitals, a long
    sentence and an empty one."""
    with check('sentences_to_indices') as c:
        X = ['sun and rain', 'Cold DAY', 'warm sun rain cold day sun', '']
        got = c.call(sentences_to_indices, X, dict(INDEX), 4)
        c.shape(got, (4, 4), 'X_indices for 4 sentences, max_len 4',
                'X_indices = np.zeros((m, max_len)) with m = len(X)')
        expected = np.array([[4, 2, 0, 0], [1, 3, 0, 0], [5, 4, 2, 1],
                             [0, 0, 0, 0]])
        c.close(got, expected, 'X_indices', _likely(got, [
            (np.array([[4, 0, 2, 0], [1, 3, 0, 0], [5, 4, 2, 1],
                       [0, 0, 0, 0]]), 'an unknown word left a gap: move '
             'to the next column only after storing a known word'),
            (np.array([[4, 2, 0, 0], [0, 0, 0, 0], [5, 4, 2, 1],
                       [0, 0, 0, 0]]), 'the sentence is not lower-cased'),
            (np.array([[0, 4, 2, 0], [0, 1, 3, 0], [0, 5, 4, 2],
                       [0, 0, 0, 0]]), 'the first word goes to column 0 '
             '(start j at 0)')], 'known words in order from column 0, '
            'unknown words skipped, zeros after, at most max_len words'))


def _embedding_layer_class():
    import keras
    return keras.layers.Embedding


def pretrained_embedding_layer(pretrained_embedding_layer):
    """Check the layer type, its matrix (rows by index, row 0 zeros) and
    that it is frozen."""
    with check('pretrained_embedding_layer') as c:
        layer = c.call(pretrained_embedding_layer, _tiny(), dict(INDEX))
        c.true(isinstance(layer, _embedding_layer_class()), 'return a '
               f'keras.layers.Embedding, got {type(layer).__name__}.')
        c.true(getattr(layer, 'built', False), 'build the layer '
               '(embedding_layer.build((None,))) before set_weights.')
        weights = layer.get_weights()
        c.true(len(weights) == 1, 'the layer should hold one matrix.')
        c.shape(weights[0], (6, 3), 'the embedding matrix for 5 words of 3 '
                'numbers', 'input_dim = len(word_to_index) + 1 (row 0 is '
                'padding), output_dim = the vectors\' size')
        expected = np.zeros((6, 3))
        for w, i in INDEX.items():
            expected[i] = TINY[w]
        c.close(weights[0], expected, 'the embedding matrix', _likely(
            weights[0], [(np.vstack([np.zeros(3), [TINY[w] for w in TINY]]),
                          'rows follow the order of the dictionary; put '
                          'each vector in row word_to_index[word]')],
            'row word_to_index[w] holds word_to_vec_map[w], row 0 zeros; '
            'load it with set_weights([emb_matrix])'))
        c.true(not layer.trainable, 'the layer should be frozen: '
               'Embedding(..., trainable=False).')


def Emojify_V2(Emojify_V2):  # noqa: N802 (named like the graded function)
    """Check the layers in order, their settings and parameter counts on a
    tiny vocabulary."""
    with check('Emojify_V2') as c:
        model = c.call(Emojify_V2, (4,), _tiny(), dict(INDEX))
        c.true(hasattr(model, 'layers') and hasattr(model, 'inputs'),
               f'return the keras Model, got {type(model).__name__}.')
        kinds = [type(layer).__name__ for layer in model.layers]
        expected = ['InputLayer', 'Embedding', 'LSTM', 'Dropout', 'LSTM',
                    'Dropout', 'Dense', 'Activation']
        c.true(kinds == expected, f'the layers are {kinds}, expected '
               f'{expected}.')
        layers = model.layers
        c.true(not layers[1].trainable, 'the Embedding should be frozen: '
               'use pretrained_embedding_layer.')
        c.true(layers[2].return_sequences and not layers[4].return_sequences,
               'the first LSTM returns every step (return_sequences=True), '
               'the second only the last (return_sequences=False).')
        c.true(layers[2].units == 128 and layers[4].units == 128,
               'both LSTM layers have 128 units.')
        c.true(layers[3].rate == 0.5 and layers[5].rate == 0.5,
               'both Dropout layers have rate 0.5.')
        c.true(layers[6].units == 5, 'the Dense layer has 5 units, one per '
               'emoji.')
        c.true(model.count_params() == 18 + 67584 + 131584 + 645,
               f'{model.count_params():,} parameters, expected '
               f'{18 + 67584 + 131584 + 645:,} for this tiny vocabulary.')
        x = np.array([[4, 2, 0, 0], [1, 3, 5, 0]])
        out = np.asarray(model(x, training=False))
        c.close(out.sum(axis=1), [1.0, 1.0], 'the sum of each output row',
                'end with Activation(\'softmax\')', rtol=1e-5, atol=1e-5)
