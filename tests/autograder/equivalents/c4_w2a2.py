"""Correct solutions of C4_W2A2 written differently: each must score full
marks. They run in the notebook's namespace (its imports and our other
graded functions)."""
from autograder.checking import Mutants

equivalents = Mutants()


@equivalents('data_augmenter', 'a list, keyword arguments, a (-0.2, 0.2) '
             'factor')
def data_augmenter():
    return tf.keras.Sequential([  # noqa: F821
        tfl.RandomFlip(mode='horizontal'),  # noqa: F821
        tfl.RandomRotation(factor=(-0.2, 0.2)),  # noqa: F821
    ])


@equivalents('data_augmenter', 'keras imported inside, named layers')
def data_augmenter():  # noqa: F811
    import keras
    model = keras.Sequential(name='augment')
    model.add(keras.layers.RandomFlip('horizontal', name='mirror'))
    model.add(keras.layers.RandomRotation(0.2, name='turn'))
    return model


@equivalents('alpaca_model', 'keras.layers spelled out, Dropout(rate=), '
             'Model(inputs=, outputs=), a Rescaling layer for '
             'preprocess_input')
def alpaca_model(image_shape=(96, 96), data_augmentation=None):
    if data_augmentation is None:
        data_augmentation = data_augmenter()  # noqa: F821
    input_shape = image_shape + (3,)
    base_model = tf.keras.applications.MobileNetV2(  # noqa: F821
        input_shape=input_shape, alpha=ALPHA, include_top=False,  # noqa
        weights=None, name=BASE_NAME)  # noqa: F821
    base_model.load_weights(BASE_WEIGHTS)  # noqa: F821
    base_model.trainable = False
    inputs = tf.keras.layers.Input(shape=input_shape)  # noqa: F821
    augmented = data_augmentation(inputs)
    scaled = tf.keras.layers.Rescaling(  # noqa: F821
        scale=1.0 / 127.5, offset=-1.0)(augmented)
    features = base_model(scaled, training=False)
    pooled = tf.keras.layers.GlobalAveragePooling2D()(features)  # noqa
    dropped = tf.keras.layers.Dropout(rate=0.2)(pooled)  # noqa: F821
    logit = tf.keras.layers.Dense(units=1, activation=None)(  # noqa
        dropped)
    return tf.keras.Model(inputs=inputs, outputs=logit)  # noqa: F821


@equivalents('alpaca_model', 'layers created first, then chained; '
             "activation='linear'")
def alpaca_model(image_shape=(96, 96), data_augmentation=None):  # noqa
    if data_augmentation is None:
        data_augmentation = data_augmenter()  # noqa: F821
    input_shape = tuple(image_shape) + (3,)
    base_model = tf.keras.applications.MobileNetV2(  # noqa: F821
        input_shape=input_shape, alpha=ALPHA, include_top=False,  # noqa
        weights=None, name=BASE_NAME)  # noqa: F821
    base_model.load_weights(BASE_WEIGHTS)  # noqa: F821
    pool = tfl.GlobalAveragePooling2D()  # noqa: F821
    drop = tfl.Dropout(0.2)  # noqa: F821
    head = tfl.Dense(1, activation='linear')  # noqa: F821
    base_model.trainable = False
    inputs = tfl.Input(input_shape)  # noqa: F821
    x = base_model(preprocess_input(data_augmentation(inputs)),  # noqa
                   training=False)
    return tf.keras.Model(inputs, head(drop(pool(x))))  # noqa: F821


@equivalents('prepare_fine_tuning', 'layers frozen by index, rate / 10, '
             'keras objects by their full names')
def prepare_fine_tuning(model, fine_tune_at, base_learning_rate):
    base_model = model.get_layer(BASE_NAME)  # noqa: F821
    base_model.trainable = True
    for i, layer in enumerate(base_model.layers):
        layer.trainable = i >= fine_tune_at
    loss_function = tf.keras.losses.BinaryCrossentropy(  # noqa: F821
        from_logits=True)
    optimizer = tf.keras.optimizers.Adam(  # noqa: F821
        learning_rate=base_learning_rate / 10)
    metrics = ['accuracy']
    model.compile(loss=loss_function, optimizer=optimizer, metrics=metrics)
    return model


@equivalents('prepare_fine_tuning', 'keras imported inside, a while loop, '
             'lr as a keyword of compile')
def prepare_fine_tuning(model, fine_tune_at, base_learning_rate):  # noqa
    import keras
    base_model = model.get_layer(BASE_NAME)  # noqa: F821
    base_model.trainable = True
    k = 0
    while k < min(fine_tune_at, len(base_model.layers)):
        base_model.layers[k].trainable = False
        k += 1
    lr = base_learning_rate * 0.1
    model.compile(optimizer=keras.optimizers.Adam(lr),
                  loss=keras.losses.BinaryCrossentropy(from_logits=True),
                  metrics=['accuracy'])
    return model
