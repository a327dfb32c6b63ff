"""Pick the seeds of the cartoon cat / non-cat data set by a small search.

For each candidate training seed this trains, with the course's
hyper-parameters and full-batch gradient descent on x.reshape(m, -1).T / 255:

- logistic regression (zero init, learning rate 0.005, 2000 iterations);
- a 2-layer net [12288, 7, 1] (randn * 0.01 after np.random.seed(1),
  learning rate 0.0075, 2500 iterations);
- a 4-layer net [12288, 20, 7, 5, 1] (randn / sqrt(n_prev) after
  np.random.seed(1), learning rate 0.0075, 2500 iterations).

Training seeds whose logistic-regression cost (recorded every 100
iterations, as learners plot it) ever goes up are skipped: large steps make
it bounce early on some splits. For the others it scores the three models
on 1000 fresh pictures (66 % cats) and on candidate 50-picture test sets,
and keeps the test seed that meets the targets (LR train >= 95 %, LR test
in [64, 76] %, 4-layer >= LR + 8 points, 2-layer above LR) and whose
accuracies lie closest to the fresh-set ones, so the 50 pictures are
typical rather than lucky. The first qualifying training seed wins.

Usage (from the repository root; about 1-2 minutes on 2 cores):
    python benchmarks/calibrate_catdata.py
    python benchmarks/calibrate_catdata.py --train-seeds 14 \
        --test-seeds 1007 --plain     # re-check one pair in pixel space
"""
import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from shared_utils import catdata  # noqa: E402

N_TRAIN, TRAIN_CATS = 209, 0.345
N_TEST, TEST_CATS = 50, 0.66
N_FRESH, FRESH_SEED = 1000, 999_999


def flatten(x):
    """Turn uint8 pictures (m, 64, 64, 3) into inputs (12288, m) in [0, 1]."""
    return x.reshape(x.shape[0], -1).T / 255.0


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def subspace(X, fast):
    """Return (basis Q, coordinates R) of the span of the training images.

    Gradient descent only ever moves first-layer weights within the span
    of the training columns, so with X = Q R the weights W0 + C Q.T give
    the same iterates (up to rounding) at a fraction of the cost. With
    `fast` False the identity basis is used (the plain computation).
    """
    if not fast:
        return None, X
    return np.linalg.qr(X)


def lift(Q, Xn):
    return Xn if Q is None else Q.T @ Xn


def train_lr(X, Y, fast, learning_rate=0.005, num_iterations=2000):
    """Logistic regression by gradient descent; returns a predictor.

    The predictor carries the cost every 100 iterations as `.costs`.
    """
    Q, R = subspace(X, fast)
    c, b, m = np.zeros((R.shape[0], 1)), 0.0, X.shape[1]
    costs = []
    for i in range(num_iterations):
        A = sigmoid(c.T @ R + b)
        if i % 100 == 0:
            costs.append(float(-np.mean(Y * np.log(A) +
                                        (1 - Y) * np.log(1 - A))))
        c -= learning_rate * (R @ (A - Y).T) / m
        b -= learning_rate * float(np.mean(A - Y))

    def predict(Xn):
        return (sigmoid(c.T @ lift(Q, Xn) + b) > 0.5).astype(int)
    predict.costs = costs
    return predict


def init_two(dims):
    """The course's 2-layer init: randn * 0.01 after np.random.seed(1)."""
    np.random.seed(1)
    W1 = np.random.randn(dims[1], dims[0]) * 0.01
    W2 = np.random.randn(dims[2], dims[1]) * 0.01
    return [W1, W2], [np.zeros((dims[1], 1)), np.zeros((dims[2], 1))]


def init_deep(dims):
    """The course's deep init: randn / sqrt(n_prev) after seed(1)."""
    np.random.seed(1)
    Ws = [np.random.randn(dims[k], dims[k - 1]) / np.sqrt(dims[k - 1])
          for k in range(1, len(dims))]
    return Ws, [np.zeros((n, 1)) for n in dims[1:]]


def forward(Ws, bs, X, offset):
    """ReLU hidden layers, sigmoid output; returns all activations.

    `offset` is added to the first layer's pre-activation (the fixed
    initial weights' share in the subspace form).
    """
    As = [X]
    for k, (W, b) in enumerate(zip(Ws, bs)):
        Z = W @ As[-1] + b + (offset if k == 0 else 0)
        As.append(sigmoid(Z) if k == len(Ws) - 1 else np.maximum(Z, 0))
    return As


def train_net(X, Y, params, fast, learning_rate=0.0075,
              num_iterations=2500):
    """Full-batch gradient descent on the cross-entropy; returns predictor."""
    Ws, bs = params
    Q, R = subspace(X, fast)
    W0 = Ws[0]
    if fast:
        Ws[0] = np.zeros((W0.shape[0], R.shape[0]))
    offset = W0 @ X if fast else 0
    m = X.shape[1]
    for _ in range(num_iterations):
        As = forward(Ws, bs, R, offset)
        dZ = As[-1] - Y
        for k in range(len(Ws) - 1, -1, -1):
            dW = dZ @ As[k].T / m
            db = dZ.sum(axis=1, keepdims=True) / m
            if k > 0:
                dZ = (Ws[k].T @ dZ) * (As[k] > 0)
            Ws[k] -= learning_rate * dW
            bs[k] -= learning_rate * db

    def predict(Xn):
        off = W0 @ Xn if fast else 0
        return (forward(Ws, bs, lift(Q, Xn), off)[-1] > 0.5).astype(int)
    return predict


def accuracy(predict, X, Y):
    return 100.0 * float(np.mean(predict(X) == Y))


def meets(acc):
    """The targets on the 50-picture test set (dict of accuracies)."""
    lr, two, deep = acc['lr'], acc['2-layer'], acc['4-layer']
    return 64 <= lr <= 76 and deep >= lr + 8 and two > lr


def fit_all(x, y, fast):
    """Train the three models on one training split.

    Returns:
    - models: dict name -> predictor mapping (12288, m) to (1, m) in {0, 1}
    - train_acc: dict name -> training accuracy in %
    - secs: dict name -> training time in seconds
    - lr_costs: logistic-regression cost every 100 iterations
    """
    X, Y = flatten(x), y.reshape(1, -1)
    models, train_acc, secs = {}, {}, {}
    for name, fit in (
            ('lr', lambda: train_lr(X, Y, fast)),
            ('2-layer', lambda: train_net(
                X, Y, init_two([12288, 7, 1]), fast)),
            ('4-layer', lambda: train_net(
                X, Y, init_deep([12288, 20, 7, 5, 1]), fast))):
        t = time.perf_counter()
        models[name] = fit()
        secs[name] = time.perf_counter() - t
        train_acc[name] = accuracy(models[name], X, Y)
    return models, train_acc, secs, models['lr'].costs


def monotone(costs):
    """True when the recorded costs never go up (what learners plot)."""
    return all(a >= b for a, b in zip(costs, costs[1:]))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--train-seeds', type=int, nargs='+',
                    default=list(range(1, 41)))
    ap.add_argument('--test-seeds', type=int, nargs='+',
                    default=list(range(1000, 1100)),
                    help='candidate seeds of the 50-picture test set')
    ap.add_argument('--cue', type=float, default=catdata.CUE)
    ap.add_argument('--plain', action='store_true',
                    help='train in pixel space (slow) instead of the '
                         'equivalent subspace form')
    args = ap.parse_args()
    names = ('lr', '2-layer', '4-layer')
    t = time.perf_counter()
    xf, yf = catdata.make_split(N_FRESH, TEST_CATS, FRESH_SEED, args.cue)
    fresh_xy = flatten(xf), yf[None]
    tests = {s: catdata.make_split(N_TEST, TEST_CATS, s, args.cue)
             for s in args.test_seeds}
    tests = {s: (flatten(x), y[None]) for s, (x, y) in tests.items()}
    print(f'cue {args.cue}; {"plain" if args.plain else "subspace"} '
          f'training; fresh set {N_FRESH} pictures (seed {FRESH_SEED}); '
          f'{len(tests)} candidate test seeds; rendering took '
          f'{time.perf_counter() - t:.1f} s')
    print(f'{"train seed":>10} {"model":>8} {"train %":>8} '
          f'{"test50 %":>9} {"fresh1000 %":>12} {"train s":>8}')
    chosen = None
    for seed in args.train_seeds:
        x, y = catdata.make_split(N_TRAIN, TRAIN_CATS, seed, args.cue)
        lr = train_lr(flatten(x), y[None], not args.plain)
        if not monotone(lr.costs) and len(args.train_seeds) > 1:
            print(f'{seed:>10} skipped: LR costs go up ('
                  f'{" ".join(f"{c:.2f}" for c in lr.costs[:4])} ...)')
            continue
        models, train_acc, secs, costs = fit_all(x, y, not args.plain)
        fresh = {k: accuracy(f, *fresh_xy) for k, f in models.items()}
        acc = {s: {k: accuracy(f, *xy) for k, f in models.items()}
               for s, xy in tests.items()}
        ok = [s for s in acc if meets(acc[s]) and train_acc['lr'] >= 95]
        best = min(ok, default=None, key=lambda s: sum(
            abs(acc[s][k] - fresh[k]) for k in names))
        for k in names:
            t50 = f'{acc[best][k]:.1f}' if best is not None else '-'
            print(f'{seed:>10} {k:>8} {train_acc[k]:>8.1f} {t50:>9} '
                  f'{fresh[k]:>12.1f} {secs[k]:>8.1f}')
        print(f'{"":>10} test seed {best} ({len(ok)}/{len(acc)} candidate '
              f'test sets meet the targets); LR costs '
              f'{" ".join(f"{c:.3f}" for c in costs[:4])} ... '
              f'{costs[-1]:.3f}', flush=True)
        if best is not None and chosen is None:
            chosen = seed, best
    print(f'chosen (first train seed that qualifies, its most typical test '
          f'seed): {chosen}')


if __name__ == '__main__':
    main()
