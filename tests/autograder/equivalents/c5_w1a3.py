"""Correct solutions of C5_W1A3 written differently: each must score full
marks. (They run in the grader's namespace: the notebook's imports.)"""
from autograder.checking import Mutants

equivalents = Mutants()


@equivalents('djmodel', 'keras.Input, Lambda with arguments={"t": t}, '
             'the LSTM output used as a (it equals a for one step)')
def djmodel(Tx, LSTM_cell, densor, reshaper):
    import keras
    X = keras.Input((Tx, densor.units))
    state_a = keras.Input((LSTM_cell.units,))
    state_c = keras.Input((LSTM_cell.units,))
    a, c = state_a, state_c
    probabilities = []
    for step in range(Tx):
        x_t = keras.layers.Lambda(lambda z, t: z[:, t, :],
                                  arguments={'t': step})(X)
        a, _, c = LSTM_cell(reshaper(x_t), initial_state=[a, c])
        probabilities.append(densor(a))
    return keras.Model([X, state_a, state_c], probabilities)


@equivalents('djmodel', 'a helper that makes each slice layer, tf.gather, '
             'a while loop')
def djmodel(Tx, LSTM_cell, densor, reshaper):  # noqa: F811
    import tensorflow as tf

    def column(i):
        return Lambda(lambda z: tf.gather(z, i, axis=1))

    X = Input(shape=(Tx, densor.units), name='X')
    a0 = Input(shape=(LSTM_cell.units,), name='a0')
    c0 = Input(shape=(LSTM_cell.units,), name='c0')
    states = [a0, c0]
    outputs, t = [], 0
    while t < Tx:
        _, h, cell = LSTM_cell(reshaper(column(t)(X)), initial_state=states)
        states = [h, cell]
        outputs.append(densor(h))
        t += 1
    return Model(inputs=[X, a0, c0], outputs=outputs)


@equivalents('music_inference_model', 'keras.ops inside the Lambda, '
             'Reshape instead of RepeatVector')
def music_inference_model(LSTM_cell, densor, Ty=100):
    import keras
    depth = densor.units
    x0 = Input(shape=(1, depth))
    a0 = Input(shape=(LSTM_cell.units,))
    c0 = Input(shape=(LSTM_cell.units,))
    x, a, c, outputs = x0, a0, c0, []
    for _ in range(Ty):
        _, a, c = LSTM_cell(x, initial_state=[a, c])
        probs = densor(a)
        outputs.append(probs)
        picked = Lambda(lambda p: keras.ops.one_hot(
            keras.ops.argmax(p, axis=1), depth))(probs)
        x = Reshape((1, depth))(picked)
    return Model(inputs=[x0, a0, c0], outputs=outputs)


@equivalents('music_inference_model', 'one Lambda that also adds the time '
             'axis, a list comprehension for the inputs')
def music_inference_model(LSTM_cell, densor, Ty=100):  # noqa: F811
    import tensorflow as tf
    n_values, n_a = densor.units, LSTM_cell.units

    def next_input(p):
        best = tf.argmax(p, axis=-1)
        return tf.expand_dims(tf.one_hot(best, depth=n_values), axis=1)

    x0, a0, c0 = [Input(shape=s) for s in ((1, n_values), (n_a,), (n_a,))]
    x, state = x0, [a0, c0]
    outputs = []
    for _ in range(Ty):
        _, a, c = LSTM_cell(x, initial_state=state)
        state = [a, c]
        outputs.append(densor(a))
        x = Lambda(next_input)(outputs[-1])
    return Model([x0, a0, c0], outputs)


@equivalents('predict_and_sample', 'the model called directly, np.stack, '
             'np.eye for the one-hot vectors')
def predict_and_sample(inference_model, x_initializer, a_initializer,
                       c_initializer):
    pred = inference_model([x_initializer, a_initializer, c_initializer])
    probs = np.stack([np.asarray(p) for p in pred])   # (Ty, 1, n_values)
    indices = probs.argmax(axis=2)
    results = np.eye(probs.shape[-1])[indices[:, 0]]
    return results, indices


@equivalents('predict_and_sample', 'a loop over the steps')
def predict_and_sample(inference_model, x_initializer, a_initializer,
                       c_initializer):  # noqa: F811
    pred = inference_model.predict(
        [x_initializer, a_initializer, c_initializer], verbose=0)
    n_values = pred[0].shape[1]
    results = np.zeros((len(pred), n_values))
    indices = np.zeros((len(pred), 1), dtype=int)
    for t, p in enumerate(pred):
        best = int(np.argmax(p[0]))
        indices[t, 0] = best
        results[t, best] = 1.0
    return results, indices
