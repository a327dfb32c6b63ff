"""Realistic bugs for C5_W1A3, as edits of the master's solutions."""
from ..checking import Mutants

mutants = Mutants(__name__)
edit = mutants.edit

STEP = '_, a, c = LSTM_cell(x, initial_state=[a, c])'

# ------------------------------------------------------------------ djmodel
edit('djmodel', 'every step starts from a0 and c0: pass the previous '
     "step's states, initial_state=[a, c]",
     {STEP: '_, a, c = LSTM_cell(x, initial_state=[a0, c0])'}, public=True)
edit('djmodel', 'the Lambda reads t when the model runs, after the loop, so '
     'every step sees the last time step: bind it, lambda z, t=t: ...',
     {'Lambda(lambda z, t=t: z[:, t, :])(X)':
      'Lambda(lambda z: z[:, t, :])(X)'})
edit('djmodel', 'a new LSTM layer is made at every step; call the shared '
     'LSTM_cell passed in',
     {STEP: '_, a, c = LSTM(n_a, return_state=True)(x, '
            'initial_state=[a, c])'})
edit('djmodel', 'a new Dense layer is made at every step; call the shared '
     'densor passed in',
     {'out = densor(a)  # (m, n_values)':
      "out = Dense(n_values, activation='softmax')(a)"})
edit('djmodel', 'the LSTM returns [output, a, c]: unpack it as _, a, c',
     {STEP: 'a, c, _ = LSTM_cell(x, initial_state=[a, c])'})
edit('djmodel', 'the reshaper is missing: the LSTM needs a sequence of one '
     'step, shape (m, 1, n_values)',
     {'        x = reshaper(x)  # (m, 1, n_values)\n': ''})

# ---------------------------------------------------- music_inference_model
ONE_HOT = ('x = Lambda(lambda p: tf.one_hot(tf.argmax(p, axis=-1),\n'
           '                                        n_values))(out)')
edit('music_inference_model', 'the prediction is not fed back: every step '
     'reads x0; make the next x the one-hot of the argmax of out',
     {'        ' + ONE_HOT + '\n        x = RepeatVector(1)(x)  '
      '# (m, 1, n_values)\n': ''}, public=True)
edit('music_inference_model', 'the softmax probabilities are fed back; '
     'feed the one-hot vector of their argmax',
     {ONE_HOT: 'x = out'})
edit('music_inference_model', "every step starts from a0 and c0: pass the "
     "previous step's states, initial_state=[a, c]",
     {STEP: '_, a, c = LSTM_cell(x, initial_state=[a0, c0])'})
edit('music_inference_model', 'the argmax runs over the batch axis (axis=0)'
     '; take it over the values, axis=-1',
     {'tf.argmax(p, axis=-1)': 'tf.argmax(p, axis=0)'})
edit('music_inference_model', 'the one-hot depth is hard-coded (90); take '
     'n_values from densor.units',
     {'n_values))(out)': '90))(out)'})
edit('music_inference_model', 'a new LSTM layer is made at every step; call '
     'the shared LSTM_cell passed in',
     {STEP: '_, a, c = LSTM(n_a, return_state=True)(x, '
            'initial_state=[a, c])'})

# ------------------------------------------------------- predict_and_sample
edit('predict_and_sample', 'the argmax runs over the time axis (axis=0); '
     'take it over the values, axis=-1',
     {'indices = np.argmax(pred, axis=-1)':
      'indices = np.argmax(pred, axis=0)'}, public=True)
edit('predict_and_sample', 'to_categorical without num_classes makes only '
     'as many columns as the largest index + 1; pass num_classes=n_values',
     {'to_categorical(indices, num_classes=np.shape(pred)[-1])':
      'to_categorical(indices)'})
edit('predict_and_sample', 'results are the probabilities; they should be '
     'the one-hot vectors of the indices',
     {'results = to_categorical(indices, num_classes=np.shape(pred)[-1])':
      'results = np.squeeze(np.array(pred), axis=1)'})
edit('predict_and_sample', 'the initializers go in the order [x, a, c]',
     {'[x_initializer, a_initializer,\n                                    '
      'c_initializer]': '[x_initializer, c_initializer,\n'
                        '                                    a_initializer]'})
edit('predict_and_sample', 'indices should keep shape (Ty, 1), not be '
     'flattened',
     {'indices = np.argmax(pred, axis=-1)':
      'indices = np.argmax(pred, axis=-1).ravel()'})
