import numpy as np
import tensorflow as tf
from tensorflow.keras import layers

x_train = np.zeros((32, 28, 28), dtype="float32")


class Net(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.conv = layers.Conv2D(8, 3, activation="relu")
        self.pool = layers.MaxPooling2D()
        self.flatten = layers.Flatten()
        self.fc = layers.Dense(10)

    def call(self, x):
        x = tf.expand_dims(x, -1)
        x = self.pool(self.conv(x))
        return self.fc(self.flatten(x))


model = Net()
logits = model.predict(x_train)
