import tensorflow as tf
from tensorflow.keras import layers


class Net(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.c1, self.c2 = layers.Conv2D(8, 3), layers.Conv2D(16, 3)
        self.flat = layers.Flatten()
        self.fc = layers.Dense(10)

    def call(self, x):
        x = tf.nn.relu(self.c1(x))
        x = tf.nn.relu(self.c2(x))
        return self.fc(self.flat(x))


model = Net()
model.build((None, 12, 12, 3))
