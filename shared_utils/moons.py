"""The two-moons data set of the optimisation notebook (C2_W2A1).

Built with scikit-learn's ``make_moons`` (shipped in the installed wheel,
nothing is downloaded) from a fixed seed, so every learner sees the same
300 points. No file is stored: the arrays are regenerated on each load and
their digest is checked by the test suite.
"""
import numpy as np

MOONS_SEED = 3
MOONS_SIZE = 300
MOONS_NOISE = 0.2


def load_moons(n_samples=MOONS_SIZE, noise=MOONS_NOISE, seed=MOONS_SEED):
    """Return the two-moons training set, one example per column.

    Args:
        n_samples: int, number of points (300 in the notebook).
        noise: float, standard deviation of the Gaussian noise added to
            the points.
        seed: int, seed of the generator.

    Returns:
        X: float64 array (2, n_samples), the points.
        Y: int64 array (1, n_samples), 0 for one moon and 1 for the other.
    """
    from sklearn.datasets import make_moons
    points, labels = make_moons(n_samples=n_samples, noise=noise,
                                random_state=seed)
    X = np.ascontiguousarray(points.T, dtype=np.float64)  # (2, m)
    Y = labels.astype(np.int64).reshape(1, n_samples)  # (1, m)
    return X, Y
