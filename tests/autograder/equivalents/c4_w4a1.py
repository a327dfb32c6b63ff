"""Correct solutions of C4_W4A1 written differently: each must score full
marks. (They run in the grader's namespace: the notebook's imports.)"""
from autograder.checking import Mutants

equivalents = Mutants()


@equivalents('triplet_loss', 'tf.norm squared, tf.nn.relu for the max, '
             'unpacking y_pred')
def triplet_loss(y_true, y_pred, alpha=0.2):
    anchor, positive, negative = y_pred[0], y_pred[1], y_pred[2]
    d_pos = tf.norm(anchor - positive, axis=1) ** 2
    d_neg = tf.norm(anchor - negative, axis=1) ** 2
    return tf.reduce_sum(tf.nn.relu(d_pos - d_neg + alpha))


@equivalents('triplet_loss', 'the difference of squares expanded with dot '
             'products, keras.ops')
def triplet_loss(y_true, y_pred, alpha=0.2):  # noqa: F811
    a = keras.ops.convert_to_tensor(y_pred[0], 'float32')
    p = keras.ops.convert_to_tensor(y_pred[1], 'float32')
    n = keras.ops.convert_to_tensor(y_pred[2], 'float32')
    # |a-p|^2 - |a-n|^2 = |p|^2 - |n|^2 - 2 a.(p - n)
    gap = (keras.ops.sum(p * p, axis=-1) - keras.ops.sum(n * n, axis=-1)
           - 2.0 * keras.ops.sum(a * (p - n), axis=-1))
    return keras.ops.sum(keras.ops.maximum(gap + alpha, 0.0))


@equivalents('verify', 'np.sqrt of the summed squares, an if/else for the '
             'decision')
def verify(image_path, identity, database, model, threshold=0.7):
    enc = img_to_encoding(image_path, model)
    dist = np.sqrt(np.sum(np.square(enc - database[identity])))
    if dist < threshold:
        print('Welcome', identity)
        door_open = True
    else:
        print('Access refused')
        door_open = False
    return dist, door_open


@equivalents('verify', 'tf.norm on tensors, the result converted back')
def verify(image_path, identity, database, model, threshold=0.7):  # noqa
    enc = tf.constant(img_to_encoding(image_path, model))
    dist = float(tf.norm(enc - tf.constant(database[identity])).numpy())
    return dist, not dist >= threshold


@equivalents('who_is_it', 'all distances at once, argmin')
def who_is_it(image_path, database, model, threshold=0.7):
    enc = img_to_encoding(image_path, model)
    names = list(database)
    dists = np.array([np.linalg.norm(enc - database[n]) for n in names])
    best = int(np.argmin(dists))
    if dists[best] > threshold:
        print('Not in the database.')
    return float(dists[best]), names[best]


@equivalents('who_is_it', 'min over (distance, name) pairs, np.inf start')
def who_is_it(image_path, database, model, threshold=0.7):  # noqa: F811
    enc = img_to_encoding(image_path, model).ravel()
    best = (np.inf, None)
    for name in database:
        d = np.linalg.norm(enc - np.ravel(database[name]))
        if d < best[0]:
            best = (d, name)
    min_dist, identity = best
    print('Not in the database.' if min_dist > threshold else identity)
    return min_dist, identity
