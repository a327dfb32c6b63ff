"""Calibrate the difficulty knob of the hand-sign data set (C2_W3A1).

Trains the notebook's network on 1080 training pictures (seed 11, as the
data set) and scores it on 600 fresh test pictures, for one difficulty:
LINEAR -> RELU -> LINEAR -> RELU -> LINEAR with 25 and 12 hidden units,
GlorotNormal(seed=1) parameters, Adam at learning rate 1e-4, mini-batches
of 32, summed softmax cross-entropy, 100 epochs. The training step is a
tf.function, as in the notebook's `model`. It prints the cost, the train
and test accuracy and the number of dead hidden units (zero for every
training picture) every 20 epochs.

Recorded with this script (difficulty, inputs: final train / test
accuracy on the 600 fresh pictures, dead layer-1 units of 25):
1.0, [0, 1]: 0.913 / 0.847, 21 dead; 1.75, centred: 0.933 / 0.742,
14 dead (chosen; the notebook reaches 0.935 / 0.817 on its 120 test
pictures); 2.0, centred: 0.887 / 0.633, 15 dead. An earlier version of
this loop (another shuffling order) collapsed to chance (cost ln 6, all
layer-1 units dead) at difficulty 1.5 and 2.0 with inputs in [0, 1], so
the notebook centres its inputs.

Usage (from the repository root; 1-2 minutes on 2 cores):
    python benchmarks/calibrate_signs.py 1.75
    python benchmarks/calibrate_signs.py 1.0 --uncentred
"""
import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault('TF_CPP_MIN_LOG_LEVEL', '2')
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402

from shared_utils import signs  # noqa: E402


def _inputs(x, y, centre):
    X = x.reshape(len(x), -1) / 255.0 - centre  # (m, 12288)
    return tf.constant(X, tf.float32), tf.one_hot(y, signs.CLASSES)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('difficulty', type=float)
    parser.add_argument('--epochs', type=int, default=100)
    parser.add_argument('--uncentred', action='store_true')
    args = parser.parse_args()
    centre = 0.0 if args.uncentred else 0.5
    start = time.time()
    X, Y = _inputs(*signs.make_split(1080, 11, args.difficulty), centre)
    Xt, Yt = _inputs(*signs.make_split(600, 101, args.difficulty), centre)
    print(f'rendered in {time.time() - start:.1f} s')

    init = tf.keras.initializers.GlorotNormal(seed=1)
    sizes = (12288, 25, 12, 6)
    params = {}
    for layer in (1, 2, 3):
        shape = (sizes[layer], sizes[layer - 1])
        params[f'W{layer}'] = tf.Variable(init(shape=shape))
        params[f'b{layer}'] = tf.Variable(init(shape=(sizes[layer], 1)))
    variables = list(params.values())

    def hidden(X_cols):
        A1 = tf.nn.relu(params['W1'] @ X_cols + params['b1'])
        A2 = tf.nn.relu(params['W2'] @ A1 + params['b2'])
        return A1, A2

    def logits(X_cols):
        return params['W3'] @ hidden(X_cols)[1] + params['b3']

    optimizer = tf.keras.optimizers.Adam(learning_rate=1e-4)

    @tf.function
    def step(x, y):
        with tf.GradientTape() as tape:
            loss = tf.reduce_sum(tf.keras.losses.categorical_crossentropy(
                y, tf.transpose(logits(tf.transpose(x))), from_logits=True))
        optimizer.apply_gradients(zip(tape.gradient(loss, variables),
                                      variables))
        return loss

    def accuracy(X_rows, Y_rows):
        guess = np.argmax(logits(tf.transpose(X_rows)), axis=0)
        return float(np.mean(guess == np.argmax(Y_rows, axis=1)))

    tf.random.set_seed(1)
    batches = tf.data.Dataset.from_tensor_slices((X, Y)).shuffle(
        1080, seed=1).batch(32)
    for epoch in range(args.epochs):
        total = sum(float(step(x, y)) for x, y in batches)
        if epoch % 20 == 0 or epoch == args.epochs - 1:
            A1, A2 = hidden(tf.transpose(X))
            dead = [int(tf.reduce_sum(tf.cast(tf.reduce_max(A, 1) <= 0,
                                              tf.int32))) for A in (A1, A2)]
            print(f'epoch {epoch:3d}: cost {total / 1080:.4f}, train '
                  f'{accuracy(X, Y):.3f}, test {accuracy(Xt, Yt):.3f}, '
                  f'dead units {dead}', flush=True)


if __name__ == '__main__':
    main()
