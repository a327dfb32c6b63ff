"""Dates in words to ISO dates: the data and the trained model of C5_W3A1.

Data: days drawn uniformly from 1950-01-01 to 2049-12-31 (so a two-digit
year names exactly one century), each written by Babel (pinned in
requirements) in one of `FORMATS`, in US English, lower-cased and without
commas: 'monday march 5 1979', '3/5/79', '05.03.79', ... The target is the
ISO date '1979-03-05'. NumPy draws the days and formats, so the pairs
depend only on the seed and the Babel version (no Faker: its seeded output
changes between versions).

Model: the course's attention model (`build_model`): a bidirectional LSTM
encoder (n_a = 32) over Tx = 30 one-hot characters, then Ty = 10 steps of
attention (repeat s, concatenate with the encoder states, Dense 10 tanh,
Dense 1 relu, softmax over time, dot product) feeding one post-attention
LSTM (n_s = 64) and a shared softmax Dense over the 11 machine characters:
52,960 parameters. The notebook's graded `modelf` builds the same layers
in the same order, so it loads the weights this module trains
(``shared_utils/models/nmt_dates.weights.h5``, committed).

Asset contract: see ``shared_utils/assets_train.py``.
"""
import datetime as dt

import numpy as np

from . import assets_train

DATA_SEED = 3            # the training pairs
TEST_SEED = 4            # held-out pairs of `evaluate`
SEED = 1                 # weights initialisation and shuffling
TX, TY = 30, 10          # input characters, output characters
N_A, N_S = 32, 64        # encoder and post-attention LSTM sizes
LOCALE = 'en_US'
FIRST_DAY = dt.date(1950, 1, 1)
N_DAYS = (dt.date(2050, 1, 1) - FIRST_DAY).days
# Babel's named formats and CLDR patterns; 'full' twice, as it is common.
FORMATS = ('short', 'medium', 'long', 'full', 'full', 'd MMM y',
           'd MMMM y', 'dd MMM y', 'd MMM, y', 'd MMMM, y', 'dd, MMM y',
           'd MM yy', 'MMMM d y', 'MMMM d, y', 'dd.MM.yy', 'EEE d MMM y',
           'EEEE d MMMM y')
PAD, UNK = '<pad>', '<unk>'
MACHINE_CHARS = '-0123456789'
BUDGETS = {'full': {'m': 10000, 'epochs': 30, 'batch_size': 100},
           'tiny': {'m': 200, 'epochs': 1, 'batch_size': 100}}
PASS = {'exact_match': 0.95}   # on 1,000 held-out dates


def human_vocab():
    """Return the input vocabulary: {character or PAD/UNK: index}.

    The characters are those of Babel's month and weekday names (wide
    and abbreviated) lower-cased, the digits, space, '.' and '/': 35 of
    them, then '<pad>' and '<unk>' (37 in all).
    """
    from babel.dates import get_day_names, get_month_names
    chars = set('0123456789 ./')
    for names in (get_month_names('wide', locale=LOCALE),
                  get_month_names('abbreviated', locale=LOCALE),
                  get_day_names('wide', locale=LOCALE),
                  get_day_names('abbreviated', locale=LOCALE)):
        chars.update(''.join(names.values()).lower())
    tokens = sorted(chars) + [PAD, UNK]
    return {t: i for i, t in enumerate(tokens)}


def machine_vocab():
    """Return the output vocabulary: {'-': 0, '0': 1, ..., '9': 10}."""
    return {c: i for i, c in enumerate(MACHINE_CHARS)}


def make_dates(m, seed=DATA_SEED):
    """Draw `m` (human-readable, ISO) date pairs.

    Args:
    - m: int, number of pairs
    - seed: int, seed of the NumPy generator

    Returns:
    - pairs: list of m tuples (str, str), e.g. ('5 mar 1979', '1979-03-05')
    """
    from babel.dates import format_date
    rng = np.random.default_rng(seed)
    days = rng.integers(0, N_DAYS, size=m)
    formats = rng.integers(0, len(FORMATS), size=m)
    pairs = []
    for d, f in zip(days, formats):
        day = FIRST_DAY + dt.timedelta(days=int(d))
        text = format_date(day, format=FORMATS[f], locale=LOCALE)
        pairs.append((text.lower().replace(',', ''), day.isoformat()))
    return pairs


def encode(texts, vocab, length):
    """Turn strings into index arrays, cut or padded to `length`.

    Args:
    - texts: list of str
    - vocab: dict from human_vocab() or machine_vocab()
    - length: int

    Returns:
    - indices: int64 array (len(texts), length); unknown characters map
      to UNK (when the vocabulary has one), padding to PAD
    """
    out = np.full((len(texts), length), vocab.get(PAD, 0), dtype=np.int64)
    for i, text in enumerate(texts):
        for t, ch in enumerate(text[:length]):
            out[i, t] = vocab[ch] if ch in vocab else vocab[UNK]
    return out


def arrays(pairs):
    """Return (X, Y, Xoh, Yoh) for a list of date pairs.

    Returns:
    - X: int64 (m, TX) input indices; Y: int64 (m, TY) output indices
    - Xoh: float32 (m, TX, 37) one-hot inputs; Yoh: float32 (m, TY, 11)
    """
    hv, mv = human_vocab(), machine_vocab()
    X = encode([h for h, _ in pairs], hv, TX)
    Y = encode([t for _, t in pairs], mv, TY)
    Xoh = np.eye(len(hv), dtype=np.float32)[X]
    Yoh = np.eye(len(mv), dtype=np.float32)[Y]
    return X, Y, Xoh, Yoh


def load_dates(m=10000, seed=DATA_SEED):
    """The C5_W3A1 training set: (X, Y) index arrays of `make_dates`."""
    X, Y, _, _ = arrays(make_dates(m, seed))
    return X, Y


def build_model(human_vocab_size=37, machine_vocab_size=11):
    """Return the untrained attention model (52,960 parameters).

    Inputs: [Xoh (m, TX, human_vocab_size), s0 (m, N_S), c0 (m, N_S)].
    Outputs: a list of TY softmax tensors (m, machine_vocab_size).
    """
    from keras import Input, Model, layers
    repeator = layers.RepeatVector(TX)
    concatenator = layers.Concatenate(axis=-1)
    densor1 = layers.Dense(10, activation='tanh')
    densor2 = layers.Dense(1, activation='relu')
    activator = layers.Softmax(axis=1, name='attention_weights')
    dotor = layers.Dot(axes=1)
    post_lstm = layers.LSTM(N_S, return_state=True)
    output_layer = layers.Dense(machine_vocab_size, activation='softmax')
    X = Input(shape=(TX, human_vocab_size))
    s0 = Input(shape=(N_S,), name='s0')
    c0 = Input(shape=(N_S,), name='c0')
    a = layers.Bidirectional(layers.LSTM(N_A, return_sequences=True))(X)
    s, c, outputs = s0, c0, []
    for _ in range(TY):
        energies = densor2(densor1(concatenator([a, repeator(s)])))
        context = dotor([activator(energies), a])
        _, s, c = post_lstm(context, initial_state=[s, c])
        outputs.append(output_layer(s))
    return Model(inputs=[X, s0, c0], outputs=outputs)


def _inputs(Xoh):
    zeros = np.zeros((len(Xoh), N_S), dtype=np.float32)
    return [Xoh, zeros, zeros]


def train(budget='full', path=None):
    """Train the model on `make_dates` pairs and save its weights.

    Args:
    - budget: 'full' (10,000 pairs, 30 epochs, about 5 min on 2 cores) or
      'tiny' (200 pairs, 1 epoch: seconds, for CI)
    - path: where to write the '.weights.h5' file, or None not to save

    Returns:
    - model: the trained keras.Model
    """
    import keras
    assets_train.check_budget(budget)
    cfg = BUDGETS[budget]
    assets_train.seeded(SEED)
    _, _, Xoh, Yoh = arrays(make_dates(cfg['m']))
    model = build_model()
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.005),
                  loss='categorical_crossentropy', jit_compile=False)
    model.fit(_inputs(Xoh), list(Yoh.swapaxes(0, 1)),
              epochs=cfg['epochs'], batch_size=cfg['batch_size'],
              verbose=2 if budget == 'full' else 0)
    if path is not None:
        assets_train.save_weights(model, path)
    return model


def translate(model, texts):
    """Translate human-readable dates with a trained model.

    Args:
    - model: the keras.Model of build_model() with trained weights
    - texts: list of str

    Returns:
    - dates: list of str, TY characters each
    """
    hv, chars = human_vocab(), MACHINE_CHARS
    Xoh = np.eye(len(hv), dtype=np.float32)[encode(texts, hv, TX)]
    probs = np.stack([np.asarray(p) for p in model(_inputs(Xoh))], axis=1)
    return [''.join(chars[i] for i in row) for row in probs.argmax(-1)]


def evaluate(path, m=1000):
    """Behaviour of saved weights on `m` held-out dates.

    Returns:
    - figures: {'exact_match': share of dates translated exactly right,
      'characters': share of output characters right}
    """
    model = assets_train.load_weights(build_model(), path)
    pairs = make_dates(m, TEST_SEED)
    got = translate(model, [h for h, _ in pairs])
    truth = [t for _, t in pairs]
    exact = np.mean([g == t for g, t in zip(got, truth)])
    chars = np.mean([a == b for g, t in zip(got, truth)
                     for a, b in zip(g, t)])
    return {'exact_match': float(exact), 'characters': float(chars)}
