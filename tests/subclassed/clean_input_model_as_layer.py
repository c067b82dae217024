"""A subclassed feature extractor used as a layer of a Sequential, flattened after."""
import keras
from keras import layers


class Features(keras.Model):
    def __init__(self):
        super().__init__()
        self.conv = layers.Conv2D(16, 3, activation="relu")
        self.pool = layers.MaxPooling2D()

    def call(self, x):
        return self.pool(self.conv(x))


model = keras.Sequential([
    keras.Input(shape=(28, 28, 1)),
    Features(),
    layers.Flatten(),
    layers.Dense(10, activation="softmax"),
])
