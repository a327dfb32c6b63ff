"""The jazz LSTM of C5_W1A3: its reference structure, training and checks.

The model is the course's: one LSTM cell of N_A = 64 units and one softmax
Dense over the n_values values (88 for our corpus), both shared by the Tx
time steps of `build_model` (the training model) and the Ty steps of
`build_inference` (which feeds back the one-hot of each step's most likely
value). The notebook's graded `djmodel` builds the same layers, so it
loads the weights this module trains (``shared_utils/models/
jazz_lstm.weights.h5``, committed) when a grading run skips training.

Asset contract: see ``shared_utils/assets_train.py``. The notebook's own
training (100 epochs, Adam 0.01, batch 32, on `jazz_licks.load_jazz`) is
the 'full' budget here, so the committed weights are what a learner gets.
"""
import numpy as np

from . import assets_train, jazz_licks

SEED = 1
N_A = 64
BUDGETS = {'full': {'epochs': 100, 'batch_size': 32},
           'tiny': {'epochs': 1, 'batch_size': 32}}
LEARNING_RATE = 0.01
HELD_OUT_SEED = 11            # corpus of the held-out windows
# Share of next values predicted right (argmax), on the 60 training
# windows and on 200 windows of a corpus made with another seed.
PASS = {'train_accuracy': 0.7, 'held_out_accuracy': 0.1}


def layers(n_values, n_a=N_A):
    """The three shared layers: (LSTM_cell, densor, reshaper)."""
    from keras import layers as kl
    return (kl.LSTM(n_a, return_state=True, unroll=True),
            kl.Dense(n_values, activation='softmax'),
            kl.Reshape((1, n_values)))


def _slice(t):
    from keras.layers import Lambda
    return Lambda(lambda z, t=t: z[:, t, :])


def build_model(n_values=88, Tx=jazz_licks.TX, shared=None):
    """The training model: [X (m, Tx, n_values), a0, c0 (m, N_A)] ->
    a list of Tx softmax outputs (m, n_values), 45,400 parameters for
    88 values. `shared`: the (LSTM_cell, densor, reshaper) to use."""
    from keras import Input, Model
    lstm, densor, reshaper = shared or layers(n_values)
    X = Input(shape=(Tx, n_values))
    a0 = Input(shape=(lstm.units,), name='a0')
    c0 = Input(shape=(lstm.units,), name='c0')
    a, c, outputs = a0, c0, []
    for t in range(Tx):
        x = reshaper(_slice(t)(X))
        _, a, c = lstm(x, initial_state=[a, c])
        outputs.append(densor(a))
    return Model(inputs=[X, a0, c0], outputs=outputs)


def build_inference(lstm, densor, Ty=50):
    """The sampling model over the same (trained) layers:
    [x0 (m, 1, n_values), a0, c0] -> Ty softmax outputs; each step's
    argmax, one-hot, is the next step's input."""
    import tensorflow as tf
    from keras import Input, Model
    from keras.layers import Lambda, RepeatVector
    n_values = densor.units
    x0 = Input(shape=(1, n_values))
    a0 = Input(shape=(lstm.units,))
    c0 = Input(shape=(lstm.units,))
    x, a, c, outputs = x0, a0, c0, []
    for _ in range(Ty):
        _, a, c = lstm(x, initial_state=[a, c])
        out = densor(a)
        outputs.append(out)
        x = Lambda(lambda p: tf.one_hot(tf.argmax(p, axis=-1),
                                        n_values))(out)
        x = RepeatVector(1)(x)
    return Model(inputs=[x0, a0, c0], outputs=outputs)


def zeros_state(m, n_a=N_A):
    return np.zeros((m, n_a), dtype=np.float32)


def fit(model, X, Y, epochs, batch_size=32, verbose=0):
    """Compile (Adam 0.01, categorical cross-entropy) and train.

    Returns:
        losses: list of float, the loss (summed over the Tx outputs) of
            each epoch.
    """
    import keras
    model.compile(optimizer=keras.optimizers.Adam(
        learning_rate=LEARNING_RATE, beta_1=0.9, beta_2=0.999),
        loss='categorical_crossentropy')
    z = zeros_state(len(X), model.inputs[1].shape[-1])
    history = model.fit([X, z, z], list(Y), epochs=epochs,
                        batch_size=batch_size, verbose=verbose)
    return [float(v) for v in history.history['loss']]


def train(budget='full', path=None):
    """Train on `jazz_licks.load_jazz()` and save the weights.

    Args:
        budget: 'full' (100 epochs, under a minute on 2 cores) or 'tiny'
            (one epoch, for CI).
        path: where to write the '.weights.h5' file, or None.

    Returns:
        model: the trained keras.Model.
    """
    assets_train.check_budget(budget)
    cfg = BUDGETS[budget]
    assets_train.seeded(SEED)
    X, Y, n_values, _ = jazz_licks.load_jazz()
    model = build_model(n_values)
    fit(model, X, Y, cfg['epochs'], cfg['batch_size'],
        verbose=2 if budget == 'full' else 0)
    if path is not None:    # the weights only, without Adam's state
        plain = build_model(n_values)
        plain.set_weights(model.get_weights())
        assets_train.save_weights(plain, path)
    return model


def accuracy(model, X, Y):
    """Share of steps whose most likely value is the true next value."""
    z = zeros_state(len(X), model.inputs[1].shape[-1])
    probs = np.stack([np.asarray(p) for p in model([X, z, z])])
    return float(np.mean(probs.argmax(-1) == Y.argmax(-1)))


def evaluate(path):
    """Behaviour of saved weights (see PASS)."""
    X, Y, n_values, indices_values = jazz_licks.load_jazz()
    model = assets_train.load_weights(build_model(n_values), path)
    values, _ = jazz_licks.make_corpus(seed=HELD_OUT_SEED)
    known = {v: i for i, v in indices_values.items()}
    values = [v for v in values if v in known]
    Xh, Yh = jazz_licks.windows(values, known, m=200, seed=HELD_OUT_SEED)
    return {'train_accuracy': accuracy(model, X, Y),
            'held_out_accuracy': accuracy(model, Xh, Yh)}
