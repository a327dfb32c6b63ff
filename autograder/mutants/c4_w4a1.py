"""Realistic bugs for C4_W4A1, as edits of the master's solutions."""
from ..checking import Mutants

mutants = Mutants(__name__)
edit = mutants.edit

POS = 'pos_dist = tf.reduce_sum(tf.square(anchor - positive), axis=-1)'
NEG = 'neg_dist = tf.reduce_sum(tf.square(anchor - negative), axis=-1)'
LOSS = 'loss = tf.reduce_sum(tf.maximum(basic_loss, 0.0))'

# ------------------------------------------------------------- triplet_loss
edit('triplet_loss', 'the max with 0 is missing: triples that already keep '
     'the margin give negative losses that cancel the others; use '
     'tf.maximum(basic_loss, 0.0) before summing',
     {LOSS: 'loss = tf.reduce_sum(basic_loss)'}, public=True)
edit('triplet_loss', 'the squared distances are summed over the batch axis '
     '(axis=0); sum over the encoding axis, axis=-1',
     {POS: POS.replace('axis=-1', 'axis=0'),
      NEG: NEG.replace('axis=-1', 'axis=0')})
edit('triplet_loss', 'the positive and negative distances are swapped: the '
     'loss is pos_dist - neg_dist + alpha',
     {'basic_loss = pos_dist - neg_dist + alpha':
      'basic_loss = neg_dist - pos_dist + alpha'})
edit('triplet_loss', 'the max with 0 is taken after summing the batch, '
     'so easy triples still cancel hard ones; take it per triple',
     {LOSS: 'loss = tf.maximum(tf.reduce_sum(basic_loss), 0.0)'})
edit('triplet_loss', 'the mean over the batch was taken; the loss is the '
     'sum (tf.reduce_sum)',
     {LOSS: 'loss = tf.reduce_mean(tf.maximum(basic_loss, 0.0))'})
edit('triplet_loss', 'the distances are not squared: sum the squares of '
     'the differences (tf.square) over the encoding axis',
     {POS: 'pos_dist = tf.norm(anchor - positive, axis=-1)',
      NEG: 'neg_dist = tf.norm(anchor - negative, axis=-1)'})

# ------------------------------------------------------------------- verify
DIST = 'dist = float(np.linalg.norm(encoding - database[identity]))'
edit('verify', 'the threshold is hard-coded to 0.7: use the threshold '
     'passed in',
     {'door_open = bool(dist < threshold)': 'door_open = bool(dist < 0.7)'})
edit('verify', 'the door opens when dist > threshold: the same person '
     'gives a SMALL distance, so open when dist < threshold',
     {'door_open = bool(dist < threshold)':
      'door_open = bool(dist > threshold)'}, public=True)
edit('verify', 'dist is the squared distance; take the L2 distance '
     'itself, np.linalg.norm(encoding - database[identity])',
     {DIST: 'dist = float(np.sum((encoding - database[identity]) ** 2))'})
edit('verify', 'the photo is compared with the first database entry, not '
     'with the claimed identity\'s',
     {DIST: 'dist = float(np.linalg.norm(encoding - '
            'next(iter(database.values()))))'})
edit('verify', 'door_open is a NumPy bool array, not a bool: compare '
     'dist (a number) with the threshold',
     {'door_open = bool(dist < threshold)':
      'door_open = np.array([dist < threshold])'})

# ---------------------------------------------------------------- who_is_it
edit('who_is_it', 'the largest distance is kept (dist > min_dist): keep the '
     'smallest, starting from a large min_dist',
     {'min_dist = 100': 'min_dist = 0',
      'if dist < min_dist:': 'if dist > min_dist:'})
edit('who_is_it', 'the return is inside the loop, so the first database '
     'entry is returned instead of the closest: return after the loop',
     {'            identity = name\n':
      '            identity = name\n        return min_dist, identity\n'},
     public=True)
edit('who_is_it', 'each distance is compared with the starting value 100 '
     'instead of the smallest so far, so the last entry wins',
     {'if dist < min_dist:': 'if dist < 100:'})
edit('who_is_it', 'the distance is squared; use the L2 distance, '
     'np.linalg.norm(encoding - db_enc)',
     {'dist = float(np.linalg.norm(encoding - db_enc))':
      'dist = float(np.sum((encoding - db_enc) ** 2))'})
edit('who_is_it', 'identity is updated for every entry, not only when a '
     'closer one is found',
     {'            identity = name\n': '        identity = name\n'})
