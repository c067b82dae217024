"""Windows of 10 readings x 6 sensors into an MLP that never flattens them."""
import numpy as np
import keras
from keras import layers

windows = np.random.normal(size=(32, 10, 6)).astype("float32")
labels = np.random.randint(0, 2, size=(32, 1))


class WindowMLP(keras.Model):
    def __init__(self, units=64):
        super().__init__()
        self.d1 = layers.Dense(units, activation="relu")  # FLT001
        self.d2 = layers.Dense(units // 2, activation="relu")
        self.out = layers.Dense(1, activation="sigmoid")

    def call(self, x):
        return self.out(self.d2(self.d1(x)))


model = WindowMLP()
model.compile("adam", "binary_crossentropy")
model.fit(windows, labels, epochs=1, verbose=0)
