import tensorflow as tf
from tensorflow.keras import layers


class MnistMLP(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.norm = layers.Rescaling(1.0 / 255)
        self.d1 = layers.Dense(256, activation="relu")  # FLT001
        self.d2 = layers.Dense(10, activation="softmax")

    def call(self, x):
        x = self.norm(x)
        return self.d2(self.d1(x))


model = MnistMLP()
y = model(tf.keras.Input(shape=(28, 28)))
