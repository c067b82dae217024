import tensorflow as tf


def make_cnn(filters=(32, 64), input_shape=(32, 32, 3), n_out=10):
    model = tf.keras.Sequential()
    model.add(tf.keras.layers.InputLayer(input_shape=input_shape))
    for f in filters:
        model.add(tf.keras.layers.Conv2D(f, 3, padding="same", activation="relu"))
        model.add(tf.keras.layers.MaxPooling2D())
    model.add(tf.keras.layers.Dense(n_out))  # FLT001
    return model


cnn = make_cnn(filters=(16, 32, 64))
