import tensorflow as tf
from tensorflow.keras import layers


class Net(tf.keras.Model):
    def __init__(self, input_shape=(32, 32, 3), **kwargs):
        inputs = tf.keras.Input(shape=input_shape)
        x = layers.Conv2D(16, 3, padding="same")(inputs)
        x = tf.nn.relu(x)
        x = layers.Conv2D(32, 3, strides=2, padding="same")(x)
        x = tf.nn.relu(x)
        x = layers.Dense(64, activation="relu")(x)  # FLT001
        outputs = layers.Dense(5)(x)
        super(Net, self).__init__(inputs=inputs, outputs=outputs, **kwargs)


model = Net(name="wrapped")
