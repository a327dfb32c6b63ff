"""Correct solutions written differently from ours: each must score full.

They run with the notebook's imports only (keras, np, the layer names).
"""
import keras
import numpy as np

from autograder.checking import Mutants

equivalents = Mutants()
sentence_to_avg = pretrained_embedding_layer = None
convert_to_one_hot = softmax = predict = None


@equivalents('sentence_to_avg', 'a list of the known vectors and np.mean')
def sentence_to_avg(sentence, word_to_vec_map):
    known = [word_to_vec_map[w] for w in sentence.lower().split()
             if w in word_to_vec_map]
    if not known:
        return np.zeros_like(next(iter(word_to_vec_map.values())),
                             dtype=float)
    return np.mean(known, axis=0)


@equivalents('sentence_to_avg', 'np.sum over a stacked array, course-style '
             'shape lookup')
def sentence_to_avg(sentence, word_to_vec_map):  # noqa: F811
    any_word = list(word_to_vec_map.keys())[0]
    total = np.zeros(word_to_vec_map[any_word].shape)
    found = 0
    for word in sentence.lower().split():
        vec = word_to_vec_map.get(word)
        if vec is not None:
            total = total + vec
            found = found + 1
    return total / max(found, 1)


@equivalents('model', 'explicit one-hot rows and reshaped outer product')
def model(X, Y, word_to_vec_map, learning_rate=0.01, num_iterations=200):
    np.random.seed(1)
    m = Y.shape[0]
    classes = np.unique(Y)
    n_y = classes.size
    n_h = len(list(word_to_vec_map.values())[0])
    W = np.random.randn(n_y, n_h) / np.sqrt(n_h)
    b = np.zeros((n_y,))
    Y_oh = np.zeros((m, n_y))
    Y_oh[np.arange(m), Y] = 1
    for _ in range(num_iterations):
        for i in range(m):
            avg = sentence_to_avg(X[i], word_to_vec_map)
            z = np.dot(W, avg) + b
            e = np.exp(z - np.max(z))
            a = e / e.sum()
            dz = a - Y_oh[i]
            W -= learning_rate * dz.reshape(n_y, 1) @ avg.reshape(1, n_h)
            b -= learning_rate * dz
    pred = np.zeros((m, 1))
    for i in range(m):
        pred[i, 0] = np.argmax(W @ sentence_to_avg(X[i], word_to_vec_map)
                               + b)
    return pred, W, b


@equivalents('model', 'the course helpers, predict() at the end')
def model(X, Y, word_to_vec_map, learning_rate=0.01,  # noqa: F811
          num_iterations=200):
    np.random.seed(1)
    n_y = len(np.unique(Y))
    n_h = next(iter(word_to_vec_map.values())).shape[0]
    W = np.random.randn(n_y, n_h) / np.sqrt(n_h)
    b = np.zeros((n_y,))
    Y_oh = convert_to_one_hot(Y, C=n_y)
    for t in range(num_iterations):
        for i, sentence in enumerate(X):
            avg = sentence_to_avg(sentence, word_to_vec_map)
            a = softmax(W @ avg + b)
            W = W - learning_rate * np.outer(a - Y_oh[i], avg)
            b = b - learning_rate * (a - Y_oh[i])
    return predict(X, Y, W, b, word_to_vec_map), W, b


@equivalents('sentences_to_indices', 'keep the known words first, then '
             'slice')
def sentences_to_indices(X, word_to_index, max_len):
    X_indices = np.zeros((len(X), max_len))
    for i, sentence in enumerate(X):
        ids = [word_to_index[w] for w in sentence.lower().split()
               if w in word_to_index][:max_len]
        X_indices[i, :len(ids)] = ids
    return X_indices


@equivalents('sentences_to_indices', 'an int array filled with a while '
             'loop')
def sentences_to_indices(X, word_to_index, max_len):  # noqa: F811
    m = len(X)
    X_indices = np.zeros((m, max_len), dtype=np.int64)
    for i in range(m):
        words = X[i].lower().split()
        j = k = 0
        while j < max_len and k < len(words):
            if words[k] in word_to_index:
                X_indices[i][j] = word_to_index[words[k]]
                j += 1
            k += 1
    return X_indices


@equivalents('pretrained_embedding_layer', 'a Constant initializer, no '
             'set_weights')
def pretrained_embedding_layer(word_to_vec_map, word_to_index):
    dim = len(next(iter(word_to_vec_map.values())))
    matrix = np.zeros((len(word_to_index) + 1, dim))
    for word, i in word_to_index.items():
        matrix[i] = word_to_vec_map[word]
    layer = keras.layers.Embedding(
        input_dim=matrix.shape[0], output_dim=dim,
        embeddings_initializer=keras.initializers.Constant(matrix),
        trainable=False)
    layer.build((None,))
    return layer


@equivalents('pretrained_embedding_layer', "Keras 3's weights= argument, "
             'frozen afterwards')
def pretrained_embedding_layer(word_to_vec_map,  # noqa: F811
                               word_to_index):
    vocab_size = len(word_to_index) + 1
    emb_dim = word_to_vec_map[next(iter(word_to_index))].shape[0]
    emb_matrix = np.zeros((vocab_size, emb_dim))
    for word in word_to_index:
        emb_matrix[word_to_index[word]] = word_to_vec_map[word]
    layer = keras.layers.Embedding(vocab_size, emb_dim,
                                   weights=[emb_matrix])
    layer.trainable = False
    return layer


@equivalents('Emojify_V2', 'keras.layers aliases, softmax via '
             'keras.layers.Softmax')
def Emojify_V2(input_shape, word_to_vec_map, word_to_index):
    inputs = keras.Input(shape=input_shape, dtype='int32')
    x = pretrained_embedding_layer(word_to_vec_map, word_to_index)(inputs)
    x = keras.layers.LSTM(units=128, return_sequences=True)(x)
    x = keras.layers.Dropout(rate=0.5)(x)
    x = keras.layers.LSTM(units=128)(x)
    x = keras.layers.Dropout(rate=0.5)(x)
    x = keras.layers.Dense(units=5)(x)
    outputs = keras.layers.Softmax()(x)
    return keras.Model(inputs=inputs, outputs=outputs)


@equivalents('Emojify_V2', 'a Sequential model, softmax fused in Dense')
def Emojify_V2(input_shape, word_to_vec_map, word_to_index):  # noqa: F811
    return keras.Sequential([
        keras.Input(shape=input_shape, dtype='int32'),
        pretrained_embedding_layer(word_to_vec_map, word_to_index),
        keras.layers.LSTM(128, return_sequences=True),
        keras.layers.Dropout(0.5),
        keras.layers.LSTM(128, return_sequences=False),
        keras.layers.Dropout(0.5),
        keras.layers.Dense(5, activation='softmax'),
    ])
