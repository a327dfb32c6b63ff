"""C2_W3A1 (TensorFlow basics): learner bugs as edits of the master's
solution; ``public=True`` marks the one the notebook's check catches."""
from ..checking import Mutants

mutants = Mutants(__name__)
edit = mutants.edit

# ------------------------------------------------------------ linear_function
edit('linear_function', 'X, W and b drawn in another order: after '
     'np.random.seed(2) draw X first, then W, then b',
     {"    X = tf.constant(np.random.randn(3, 1), name='X')  # (3, 1)\n": '',
      '    b = tf.constant': "    X = tf.constant(np.random.randn(3, 1), "
      "name='X')\n    b = tf.constant"}, public=True)
edit('linear_function', 'the bias b is not added: Y = W X + b',
     {'tf.add(tf.matmul(W, X), b)': 'tf.matmul(W, X)'})
edit('linear_function', 'np.random.seed(2) is missing, so the numbers '
     'change from run to run', {'    np.random.seed(2)\n': ''})
edit('linear_function', 'computed in NumPy: wrap X, W and b in '
     'tf.constant and use tf.matmul / tf.add',
     {"tf.constant(np.random.randn(3, 1), name='X')": 'np.random.randn(3, 1)',
      "tf.constant(np.random.randn(4, 3), name='W')": 'np.random.randn(4, 3)',
      "tf.constant(np.random.randn(4, 1), name='b')": 'np.random.randn(4, 1)',
      'tf.add(tf.matmul(W, X), b)': 'np.dot(W, X) + b'})
edit('linear_function', 'cast to float32: keep the float64 numbers of '
     'np.random.randn', {"name='": "dtype=tf.float32, name='"}, every=True)

# -------------------------------------------------------------------- sigmoid
edit('sigmoid', 'z is not cast: tf.math.sigmoid keeps the dtype it is '
     'given; start with tf.cast(z, tf.float32)',
     {'    z = tf.cast(z, tf.float32)\n': ''}, public=True)
edit('sigmoid', 'sign error: the sigmoid is 1 / (1 + e^-z)',
     {'tf.math.sigmoid(z)': '1 / (1 + tf.exp(z))'})
edit('sigmoid', 'tanh instead of the sigmoid',
     {'tf.math.sigmoid(z)': 'tf.math.tanh(z)'})
edit('sigmoid', 'returns a NumPy value (.numpy()): return the tensor',
     {'tf.math.sigmoid(z)': 'tf.math.sigmoid(z).numpy()'})

# ------------------------------------------------------------- one_hot_matrix
edit('one_hot_matrix', 'not reshaped: a list of one label gives shape '
     '(depth, 1); reshape to (depth,)',
     {'tf.reshape(tf.one_hot(label, depth, axis=0), (depth,))':
      'tf.one_hot(label, depth, axis=0)'}, public=True)
edit('one_hot_matrix', 'depth is hard-coded to 6: use the depth '
     'argument', {'tf.one_hot(label, depth, axis=0), (depth,)':
                  'tf.one_hot(label, 6, axis=0), (6,)'})
edit('one_hot_matrix', 'off by one: labels already count from 0, do '
     'not subtract 1', {'tf.one_hot(label,': 'tf.one_hot(label - 1,'})
edit('one_hot_matrix', 'integer one-hot values: keep tf.one_hot\'s '
     'float32 default', {'axis=0)': 'axis=0, dtype=tf.int32)'})

# ------------------------------------------------------ initialize_parameters
edit('initialize_parameters', 'W has shape (units of the previous '
     'layer, units): it is (units, units of the previous layer)',
     {'shape=(25, 12288)': 'shape=(12288, 25)',
      'shape=(12, 25)': 'shape=(25, 12)', 'shape=(6, 12)': 'shape=(12, 6)'},
     public=True)
edit('initialize_parameters', 'biases start at zero: the exercise '
     'draws them with the initializer too',
     {'initializer(shape=(25, 1))': 'tf.zeros((25, 1))',
      'initializer(shape=(12, 1))': 'tf.zeros((12, 1))',
      'initializer(shape=(6, 1))': 'tf.zeros((6, 1))'})
edit('initialize_parameters', 'weights multiplied by 0.01 (the course 1 '
     'habit): GlorotNormal already sets the scale',
     {'shape=(25, 12288)))': 'shape=(25, 12288)) * 0.01)',
      'shape=(12, 25)))': 'shape=(12, 25)) * 0.01)',
      'shape=(6, 12)))': 'shape=(6, 12)) * 0.01)'})
edit('initialize_parameters', 'GlorotUniform instead of GlorotNormal',
     {'initializers.GlorotNormal(': 'initializers.GlorotUniform('})
edit('initialize_parameters', 'the initializer has no seed: '
     'GlorotNormal(seed=1) makes every run start from the same values',
     {'initializers.GlorotNormal(seed=1)': 'initializers.GlorotNormal()'})

# -------------------------------------------------------- forward_propagation
edit('forward_propagation', 'relu after the last layer: Z3 are the '
     'logits, leave them linear',
     {'Z3 = tf.add(tf.matmul(W3, A2), b3)':
      'Z3 = tf.keras.activations.relu(tf.add(tf.matmul(W3, A2), b3))'},
     public=True)
edit('forward_propagation', 'no relu: apply it to Z1 and Z2',
     {'A1 = tf.keras.activations.relu(Z1)': 'A1 = Z1',
      'A2 = tf.keras.activations.relu(Z2)': 'A2 = Z2'})
edit('forward_propagation', 'Z1 fed to layer 2: use A1 = relu(Z1)',
     {'tf.matmul(W2, A1)': 'tf.matmul(W2, Z1)'})
edit('forward_propagation', 'sigmoid hidden units: the network uses '
     'relu', {'tf.keras.activations.relu(': 'tf.math.sigmoid('}, every=True)
edit('forward_propagation', 'b3 is not added in the last layer',
     {'tf.add(tf.matmul(W3, A2), b3)': 'tf.matmul(W3, A2)'})

# --------------------------------------------------------- compute_total_loss
edit('compute_total_loss', 'the mean over the examples: return the sum '
     '(tf.reduce_sum); model() divides by m',
     {'tf.reduce_sum(losses)': 'tf.reduce_mean(losses)'}, public=True)
edit('compute_total_loss', 'from_logits=True is missing: the inputs '
     'are logits, not probabilities', {', from_logits=True)': ')'})
edit('compute_total_loss', 'not transposed: Keras wants one example '
     'per row, so pass tf.transpose(labels), tf.transpose(logits)',
     {'tf.transpose(labels), tf.transpose(logits)': 'labels, logits'})
edit('compute_total_loss', 'labels and logits swapped: the true labels '
     'come first', {'tf.transpose(labels), tf.transpose(logits)':
                    'tf.transpose(logits), tf.transpose(labels)'})
