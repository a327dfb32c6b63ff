"""Calibrate how subtle a smile is in the Happy House set (C4_W1A2).

For one value of portraits.SMILE, renders the 600 training portraits
(seed 61, as the data set) and 600 fresh test portraits, then trains

- the course's HappyModel (ZeroPadding2D 3, Conv2D 32 7x7, batch norm,
  ReLU, 2x2 max pooling, flatten, one sigmoid unit; Adam, binary
  cross-entropy, 10 epochs of 16, as the notebook does), for a few seeds;
- a logistic regression on the flattened pixels in [0, 1]
  (scikit-learn, L2, C chosen on the test set: an optimistic baseline);

and prints their test accuracies. The target (data.md): HappyModel about
0.90-0.95, the logistic baseline clearly lower.

Recorded (2 cores shared with other jobs; logistic C=0.03; HappyModel
test on 400 fresh portraits, seeds 1 and 2; zoom 1.5 unless said):
no lip polarity: SMILE 1.0, jitter 1.0: 0.56 / 0.53-0.65; SMILE 2.0,
jitter 0.5: 0.82 / 0.80-0.93. Lips darker or lighter than the skin:
SMILE 2.0, jitter 0.75: 0.57 / 0.50-0.72; jitter 0.5: 0.58 / 0.75-0.79;
jitter 0.5, zoom 1.7, mouth line 2.0 (chosen): 0.62 / 0.89 (seed 1),
0.51 (seed 2: batch norm's running statistics collapse). The notebook
(seed 1) reaches 0.87 on the 150 test portraits, logistic 0.51.
Then jitter 0.25 (chosen): logistic 0.64-0.75; HappyModel after 10 epochs
0.888 (seed 1), 0.780 (seed 2); after 20 epochs (--epochs 20) 0.945
(seed 2), 0.938 (seed 3). The notebook trains 20 epochs.

Usage (from the repository root; about a minute per seed on 2 cores):
    python benchmarks/calibrate_happy.py 2.0 --seeds 1 2
"""
import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault('TF_CPP_MIN_LOG_LEVEL', '2')
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402

from shared_utils import happy, portraits  # noqa: E402


def happy_model():
    import keras
    from keras import layers
    return keras.Sequential([
        keras.Input((64, 64, 3)), layers.ZeroPadding2D(3),
        layers.Conv2D(32, 7), layers.BatchNormalization(axis=3),
        layers.ReLU(), layers.MaxPooling2D(), layers.Flatten(),
        layers.Dense(1, activation='sigmoid')])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('smile', type=float)
    parser.add_argument('--seeds', type=int, nargs='+', default=[1])
    parser.add_argument('--epochs', type=int, default=10)
    parser.add_argument('--jitter', type=float, default=happy.JITTER)
    parser.add_argument('--zoom', type=float, default=happy.ZOOM)
    parser.add_argument('--mouth', type=float, default=portraits.MOUTH)
    args = parser.parse_args()
    portraits.SMILE = args.smile
    happy.JITTER, happy.ZOOM = args.jitter, args.zoom
    portraits.MOUTH = args.mouth
    start = time.time()
    x, y = happy.make_split(600, 61)
    xt, yt = happy.make_split(600, 162)
    xs, ys = happy.make_split(150, 62)
    print(f'rendered in {time.time() - start:.1f} s')
    X, Xt, Xs = (a.reshape(len(a), -1) / 255.0 for a in (x, xt, xs))
    from sklearn.linear_model import LogisticRegression
    for c in (0.001, 0.01, 0.1):
        lr = LogisticRegression(C=c, max_iter=2000).fit(X, y)
        print(f'logistic C={c}: train {lr.score(X, y):.3f} fresh test '
              f'{lr.score(Xt, yt):.3f} test split {lr.score(Xs, ys):.3f}')
    import keras
    for seed in args.seeds:
        keras.utils.set_random_seed(seed)
        model = happy_model()
        model.compile('adam', 'binary_crossentropy', metrics=['accuracy'])
        t = time.time()
        hist = model.fit(x / 255.0, y, epochs=args.epochs, batch_size=16,
                         verbose=0).history
        print('  fit accuracy', np.round(hist['accuracy'], 2))
        fresh = model.evaluate(xt / 255.0, yt, verbose=0)[1]
        split = model.evaluate(xs / 255.0, ys, verbose=0)[1]
        train = model.evaluate(x / 255.0, y, verbose=0)[1]
        print(f'HappyModel seed {seed}: train {train:.3f} fresh test '
              f'{fresh:.3f} test split {split:.3f} '
              f'({time.time() - t:.0f} s)')


if __name__ == '__main__':
    main()
