"""Realistic learner bugs for C5_W2A2, as edits of the master's solution.

Each entry: function, likely cause, ``{old text: new text}`` edits of the
master's graded cell. The most common bug of each function is
``public=True``: its public check catches it.
"""
from ..checking import Mutants

mutants = Mutants(__name__)
edit = mutants.edit

COUNT = ('            avg += word_to_vec_map[w]\n'
         '            count += 1\n')
edit('sentence_to_avg', 'divided by every word of the sentence; divide by '
     'the number of known words only',
     {COUNT: '            avg += word_to_vec_map[w]\n        count += 1\n'},
     public=True)
edit('sentence_to_avg', 'the sentence is not lower-cased: use '
     'sentence.lower().split()',
     {'words = sentence.lower().split()': 'words = sentence.split()'})
edit('sentence_to_avg', 'averaged the whole vocabulary instead of the '
     'words of the sentence',
     {'    for w in words:\n': '    for w in word_to_vec_map:\n'})
edit('sentence_to_avg', 'the division by the number of known words is '
     'missing: avg is the sum', {'        avg = avg / count\n': '        '
                                 'pass\n'})
edit('sentence_to_avg', 'with no known word the division by 0 gives nan: '
     'divide only when count > 0', {'    if count > 0:\n        avg = avg '
                                    '/ count\n': '    avg = avg / count\n'})
edit('sentence_to_avg', 'the vector size is hard-coded: read it from '
     'word_to_vec_map (the grader uses other sizes)',
     {'avg = np.zeros(word_to_vec_map[any_word].shape)':
      'avg = np.zeros((50,))'})

edit('model', 'the update climbs the loss: dz = a - y, and W = W - '
     'learning_rate * dW', {'dz = a - Y_oh[i]': 'dz = Y_oh[i] - a'},
     public=True)
edit('model', 'W is not scaled: W = np.random.randn(n_y, n_h) / '
     'np.sqrt(n_h)', {'W = np.random.randn(n_y, n_h) / np.sqrt(n_h)':
                      'W = np.random.randn(n_y, n_h)'})
edit('model', 'b is never updated: b = b - learning_rate * db',
     {'            b = b - learning_rate * db\n': ''})
edit('model', 'np.random.seed(1) is missing: call it first, before '
     'creating W', {'    np.random.seed(1)\n': ''})
edit('model', 'the number of classes is hard-coded: n_y = '
     'len(np.unique(Y))', {'n_y = len(np.unique(Y))': 'n_y = 5'})
edit('model', 'the learning rate is not applied to b',
     {'b = b - learning_rate * db': 'b = b - db'})

edit('sentences_to_indices', 'an unknown word leaves a gap: move to the '
     'next column only after storing a known word',
     {'                X_indices[i, j] = word_to_index[w]\n'
      '                j += 1\n':
      '                X_indices[i, j] = word_to_index[w]\n'
      '            j += 1\n'}, public=True)
edit('sentences_to_indices', 'the sentence is not lower-cased: use '
     'X[i].lower().split()', {'X[i].lower().split()': 'X[i].split()'})
edit('sentences_to_indices', 'off by one: the first word goes to column 0 '
     '(start j at 0)', {'        j = 0\n': '        j = 1\n',
                        'if j == max_len': 'if j >= max_len'})
edit('sentences_to_indices', 'the index is off by one: store '
     'word_to_index[w] itself',
     {'X_indices[i, j] = word_to_index[w]':
      'X_indices[i, j] = word_to_index[w] - 1'})
edit('sentences_to_indices', 'the rows are transposed: X_indices has shape '
     '(m, max_len)', {'X_indices = np.zeros((m, max_len))':
                      'X_indices = np.zeros((max_len, m))',
                      'X_indices[i, j] = word_to_index[w]':
                      'X_indices[j, i] = word_to_index[w]'})
edit('sentences_to_indices', 'a long sentence overflows the row: stop at '
     'max_len words', {'            if j == max_len:  # the row is full\n'
                       '                break\n': ''})

EMB = 'embedding_layer = Embedding(vocab_size, emb_dim, trainable=False)'
edit('pretrained_embedding_layer', 'the embedding is trainable: pass '
     'trainable=False', {EMB: 'embedding_layer = Embedding(vocab_size, '
                              'emb_dim)'}, public=True)
edit('pretrained_embedding_layer', 'rows follow the order of the '
     'dictionary; put each vector in row word_to_index[word]',
     {'    for word, idx in word_to_index.items():\n':
      '    for idx, word in enumerate(word_to_index, start=1):\n'})
edit('pretrained_embedding_layer', 'the vectors were never loaded: call '
     'embedding_layer.set_weights([emb_matrix])',
     {'    embedding_layer.set_weights([emb_matrix])\n': ''})
edit('pretrained_embedding_layer', 'vocab_size is len(word_to_index) + 1: '
     'row 0 is kept for padding',
     {'vocab_size = len(word_to_index) + 1': 'vocab_size = '
      'len(word_to_index)', 'emb_matrix[idx, :]': 'emb_matrix[idx - 1, :]'})
edit('pretrained_embedding_layer', 'the vector size is hard-coded: read it '
     'from word_to_vec_map',
     {'emb_dim = next(iter(word_to_vec_map.values())).shape[0]':
      'emb_dim = 50'})

edit('Emojify_V2', 'the first LSTM must return every step '
     '(return_sequences=True) for the second LSTM to read',
     {'LSTM(128, return_sequences=True)': 'LSTM(128)'}, public=True)
edit('Emojify_V2', 'the second LSTM returns only its last step '
     '(return_sequences=False)', {'LSTM(128, return_sequences=False)':
                                  'LSTM(128, return_sequences=True)'})
edit('Emojify_V2', 'a Dropout(0.5) layer is missing after the first LSTM',
     {'    X = Dropout(0.5)(X)\n    X = LSTM(128, return_sequences=False)':
      '    X = LSTM(128, return_sequences=False)'})
edit('Emojify_V2', "the softmax is missing: end with Activation('softmax')",
     {"    X = Activation('softmax')(X)\n": ''})
edit('Emojify_V2', 'the embedding is not the pretrained one: use '
     'pretrained_embedding_layer(word_to_vec_map, word_to_index)',
     {'embedding_layer = pretrained_embedding_layer(word_to_vec_map,\n'
      '                                                 word_to_index)':
      'embedding_layer = Embedding(len(word_to_index) + 1, len(next(iter('
      'word_to_vec_map.values()))), trainable=False)'})
edit('Emojify_V2', 'the dropout rate is 0.5', {'Dropout(0.5)': 'Dropout(0.2)'},
     every=True)
