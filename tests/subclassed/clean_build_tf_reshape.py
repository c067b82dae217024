import tensorflow as tf
from tensorflow.keras import layers


class Net(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.conv = layers.Conv2D(4, 3, activation="relu")
        self.pool = layers.MaxPooling2D()
        self.fc = layers.Dense(10)

    def call(self, x):
        x = self.pool(self.conv(x))
        x = tf.reshape(x, (-1, 64))
        return self.fc(x)


model = Net()
model.build((None, 10, 10, 1))
