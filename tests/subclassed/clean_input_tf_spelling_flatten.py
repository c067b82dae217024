import tensorflow as tf


class CatsDogs(tf.keras.Model):
    def __init__(self):
        super(CatsDogs, self).__init__()
        self.conv1 = tf.keras.layers.Conv2D(16, 3, padding="same", activation="relu")
        self.pool1 = tf.keras.layers.MaxPooling2D()
        self.flatten = tf.keras.layers.Flatten()
        self.fc1 = tf.keras.layers.Dense(64, activation="relu")
        self.fc2 = tf.keras.layers.Dense(1)

    def call(self, inputs):
        x = self.pool1(self.conv1(inputs))
        x = self.flatten(x)
        return self.fc2(self.fc1(x))


inputs = tf.keras.Input(shape=(64, 64, 3))
outputs = CatsDogs()(inputs)
model = tf.keras.Model(inputs=inputs, outputs=outputs)
