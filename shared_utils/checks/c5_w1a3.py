"""Public checks for C5_W1A3, Improvise a Jazz Solo with an LSTM Network.

One function per graded function, named like it: ``checks.djmodel(djmodel)``.
Each builds small shared layers with seeded weights, calls the learner's
function with them, and compares the model's inputs, outputs, parameter
count and numbers with a plain-NumPy LSTM run on the same weights, naming
the likely cause of a difference. `sampler_fixture` is a small stand-in
for an inference model (the hidden checks use it too).
"""
import numpy as np

from ._base import check

TX, TY, N_VALUES, N_A, M = 5, 6, 6, 4, 3


def seeded_layers(n_values, n_a, seed=0):
    """(LSTM_cell, densor, reshaper) with seeded random weights."""
    import keras
    from keras import layers

    def init(k):
        return keras.initializers.RandomNormal(stddev=0.7, seed=seed + k)
    lstm = layers.LSTM(n_a, return_state=True, unroll=True,
                       kernel_initializer=init(1),
                       recurrent_initializer=init(2),
                       bias_initializer=init(3))
    densor = layers.Dense(n_values, activation='softmax',
                          kernel_initializer=init(4),
                          bias_initializer=init(5))
    return lstm, densor, layers.Reshape((1, n_values))


def _sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def _softmax(z):
    e = np.exp(z - z.max(-1, keepdims=True))
    return e / e.sum(-1, keepdims=True)


def _step(lstm, densor, x, a, c):
    """One LSTM step and the softmax, in NumPy (Keras gate order i f c o)."""
    W, U, b = [np.asarray(w, dtype=np.float64) for w in lstm.get_weights()]
    i, f, g, o = np.split(x @ W + a @ U + b, 4, axis=-1)
    c = _sigmoid(f) * c + _sigmoid(i) * np.tanh(g)
    a = _sigmoid(o) * np.tanh(c)
    V, d = [np.asarray(w, dtype=np.float64) for w in densor.get_weights()]
    return a, c, _softmax(a @ V + d)


def training_outputs(lstm, densor, X, a0, c0, read=None, keep_state=True):
    """The Tx softmax outputs of the training model, in NumPy. `read(t)`
    picks the time step fed at step t; `keep_state=False` restarts every
    step from (a0, c0) (both for naming bugs)."""
    a, c, outs = a0, c0, []
    for t in range(X.shape[1]):
        x = X[:, t if read is None else read(t), :]
        a_new, c_new, p = _step(lstm, densor, x, a, c)
        if keep_state:
            a, c = a_new, c_new
        outs.append(p)
    return outs


def inference_outputs(lstm, densor, x0, a0, c0, Ty, feed='one_hot',
                      keep_state=True):
    """The Ty softmax outputs of the sampling model, in NumPy. `feed`:
    'one_hot' (the argmax fed back), 'probabilities', or 'none' (x0
    every step)."""
    x, a, c, outs = x0[:, 0, :], a0, c0, []
    for _ in range(Ty):
        a_new, c_new, p = _step(lstm, densor, x, a, c)
        if keep_state:
            a, c = a_new, c_new
        outs.append(p)
        if feed == 'one_hot':
            x = np.eye(p.shape[-1])[p.argmax(-1)]
        elif feed == 'probabilities':
            x = p
    return outs


def sampler_fixture(n_values, n_a, Ty, seed=0, spare_last=False):
    """A small model shaped like an inference model: [x0 (m, 1, n_values),
    a0 (m, n_a), c0 (m, n_a)] -> Ty softmax outputs (m, n_values), each
    from its own seeded Dense over the three inputs. `spare_last`: the
    last value never wins (its logit is -30)."""
    import keras
    from keras import layers
    x0 = keras.Input(shape=(1, n_values))
    a0 = keras.Input(shape=(n_a,))
    c0 = keras.Input(shape=(n_a,))
    h = layers.Concatenate()([layers.Flatten()(x0), a0, c0])
    outputs = []
    for t in range(Ty):
        init = keras.initializers.RandomNormal(stddev=1.5, seed=seed + t)
        width = n_values - 1 if spare_last else n_values
        z = layers.Dense(width, kernel_initializer=init)(h)
        if spare_last:
            low = layers.Dense(1, kernel_initializer='zeros',
                               bias_initializer=keras.initializers.Constant(
                                   -30.0))(h)
            z = layers.Concatenate()([z, low])
        outputs.append(layers.Activation('softmax')(z))
    return keras.Model(inputs=[x0, a0, c0], outputs=outputs)


def _inputs(rng, m, n_values, n_a, steps):
    X = np.eye(n_values, dtype=np.float32)[rng.integers(0, n_values,
                                                        (m, steps))]
    a0 = rng.normal(0, 0.5, (m, n_a)).astype(np.float32)
    c0 = rng.normal(0, 0.5, (m, n_a)).astype(np.float32)
    return X, a0, c0


def _model_basics(c, model, name, shapes, n_outputs, n_values, layers):
    import keras
    c.true(isinstance(model, keras.Model), f'{name} should return a Keras '
           f'Model, got {type(model).__name__} — end with Model(inputs=..., '
           'outputs=...)')
    raw = sorted({type(op).__name__ for op in model.operations
                  if not isinstance(op, keras.layers.Layer)})
    c.true(not raw, f'the model applies {", ".join(raw)} directly to a '
           'Keras tensor; wrap it in a Lambda layer (e.g. Lambda(lambda z, '
           't=t: z[:, t, :])), so that the model is made of layers only')
    got = [tuple(i.shape) for i in model.inputs]
    c.true(got == shapes, f'the model inputs have shapes {got}, expected '
           f'{shapes} — inputs=[X or x0, a0, c0] in that order')
    c.true(len(model.outputs) == n_outputs, f'the model has '
           f'{len(model.outputs)} outputs, expected {n_outputs}: append '
           'densor(a) to outputs at every step')
    lstm, densor = layers
    want = lstm.count_params() + densor.count_params() if lstm.built else 0
    c.true(lstm.built and densor.built and model.count_params() == want,
           f'the model has {model.count_params():,} parameters, expected '
           f'{want:,} — use the LSTM_cell and densor passed in, the same '
           'layer objects at every step (not new layers)')


def _compare(c, got, want, what, alternatives):
    got = [np.asarray(g, dtype=np.float64) for g in got]
    if all(g.shape == w.shape and np.allclose(g, w, atol=1e-4)
           for g, w in zip(got, want)):
        return
    for alt, hint in alternatives:
        if all(g.shape == w.shape and np.allclose(g, w, atol=1e-4)
               for g, w in zip(got, alt)):
            c.fail(f'{what} are wrong — {hint}.')
    c.fail(f'{what} differ from a NumPy LSTM with the same weights — '
           'check what each layer is applied to and which states are '
           'passed on')


def djmodel(djmodel):
    """Check the training model on 5 steps of 6 values, n_a = 4."""
    with check('djmodel') as c:
        lstm, densor, reshaper = seeded_layers(N_VALUES, N_A, seed=10)
        model = c.call(djmodel, TX, lstm, densor, reshaper)
        _model_basics(c, model, 'djmodel', [(None, TX, N_VALUES),
                                            (None, N_A), (None, N_A)],
                      TX, N_VALUES, (lstm, densor))
        X, a0, c0 = _inputs(np.random.default_rng(1), M, N_VALUES, N_A, TX)
        out = c.call(model, [X, a0, c0])
        want = training_outputs(lstm, densor, X, a0, c0)
        _compare(c, out, want, "the model's outputs", [
            (training_outputs(lstm, densor, X, a0, c0, read=lambda t: TX - 1),
             'every step reads the last time step: the Lambda looks t up '
             'when the model runs, after the loop; bind it now with '
             'lambda z, t=t: z[:, t, :]'),
            (training_outputs(lstm, densor, X, a0, c0, keep_state=False),
             'every step starts from a0 and c0: pass the states of the '
             'previous step, initial_state=[a, c]')])


def music_inference_model(music_inference_model):
    """Check the sampling model: 6 steps, 6 values, n_a = 4."""
    with check('music_inference_model') as c:
        lstm, densor, _ = seeded_layers(N_VALUES, N_A, seed=20)
        model = c.call(music_inference_model, lstm, densor, TY)
        _model_basics(c, model, 'music_inference_model',
                      [(None, 1, N_VALUES), (None, N_A), (None, N_A)], TY,
                      N_VALUES, (lstm, densor))
        x0, a0, c0 = _inputs(np.random.default_rng(2), M, N_VALUES, N_A, 1)
        out = c.call(model, [x0, a0, c0])
        want = inference_outputs(lstm, densor, x0, a0, c0, TY)
        _compare(c, out, want, "the model's outputs", [
            (inference_outputs(lstm, densor, x0, a0, c0, TY, feed='none'),
             'every step reads x0: feed the one-hot of the argmax back in '
             'as the next x'),
            (inference_outputs(lstm, densor, x0, a0, c0, TY,
                               feed='probabilities'),
             'the softmax probabilities are fed back; feed the one-hot of '
             'their argmax instead'),
            (inference_outputs(lstm, densor, x0, a0, c0, TY,
                               keep_state=False),
             'every step starts from a0 and c0: pass the states of the '
             'previous step, initial_state=[a, c]')])


def predict_and_sample(predict_and_sample):
    """Check results and indices on a stand-in model of 6 steps."""
    with check('predict_and_sample') as c:
        n_values, n_a, Ty = 7, 3, TY
        model = sampler_fixture(n_values, n_a, Ty, seed=30, spare_last=True)
        rng = np.random.default_rng(3)
        x, a, cc = _inputs(rng, 1, n_values, n_a, 1)
        out = c.call(predict_and_sample, model, x, a, cc)
        c.true(isinstance(out, tuple) and len(out) == 2,
               'return the tuple (results, indices)')
        results, indices = out
        probs = np.stack([np.asarray(p) for p in model([x, a, cc])])
        want = probs.argmax(-1)                                  # (Ty, 1)
        c.shape(indices, (Ty, 1), 'indices', 'one index per step: '
                'np.argmax over the last axis (the values) of the stacked '
                'predictions, shape (Ty, 1)')
        c.true(np.array_equal(np.asarray(indices), want), 'indices are not '
               'the most likely value of each step — take np.argmax over '
               'the last axis, of the predictions for [x_initializer, '
               'a_initializer, c_initializer] in that order')
        c.shape(results, (Ty, n_values), 'results', 'one-hot over all '
                'n_values values: to_categorical(indices, num_classes='
                'n_values), n_values from the predictions\' last axis')
        c.close(results, np.eye(n_values)[want[:, 0]], 'results',
                'results should be the one-hot vectors of indices')
