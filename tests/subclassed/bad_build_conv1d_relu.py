import tensorflow as tf


class SignalNet(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.conv = tf.keras.layers.Conv1D(16, 5)
        self.pool = tf.keras.layers.MaxPooling1D(2)
        self.head = tf.keras.layers.Dense(1, activation="sigmoid")  # FLT001

    def call(self, inputs):
        x = tf.nn.relu(self.conv(inputs))
        x = self.pool(x)
        return self.head(x)


model = SignalNet()
model.build((None, 100, 8))
