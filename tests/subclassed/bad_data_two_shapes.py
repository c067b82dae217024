"""One model applied to two image sizes (Keras checks it per input shape)."""
import numpy as np
import keras
from keras import layers


class AnySize(keras.Model):
    def __init__(self):
        super().__init__()
        self.conv = layers.Conv2D(8, 3, strides=2, activation="relu")
        self.out = layers.Dense(3, activation="softmax")  # FLT001

    def call(self, x):
        return self.out(self.conv(x))


model = AnySize()
small = model(np.zeros((2, 16, 16, 3), "float32"))
large = model(np.zeros((2, 32, 32, 3), "float32"))
