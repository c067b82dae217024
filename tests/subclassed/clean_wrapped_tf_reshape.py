import tensorflow as tf
from tensorflow.keras import layers


class Net(tf.keras.Model):
    def __init__(self, **kwargs):
        inputs = tf.keras.Input(shape=(8, 8, 3))
        x = layers.Conv2D(16, 3, padding="same")(inputs)
        x = tf.nn.relu(x)
        x = layers.MaxPooling2D()(x)
        x = tf.reshape(x, (-1, 4 * 4 * 16))
        x = layers.Dense(64, activation="relu")(x)
        outputs = layers.Dense(5)(x)
        super(Net, self).__init__(inputs=inputs, outputs=outputs, **kwargs)


model = Net(name="wrapped")
