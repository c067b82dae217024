import numpy as np
import keras
from keras import layers

series = np.zeros((16, 30, 4), dtype="float32")
target = np.zeros((16, 1), dtype="float32")


class Forecaster(keras.Model):
    def __init__(self, units=32):
        super().__init__()
        self.lstm = layers.LSTM(units, return_sequences=True)
        self.out = layers.Dense(1)

    def call(self, x):
        x = self.lstm(x)
        return self.out(x[:, -1, :])


model = Forecaster()
model.compile(optimizer="adam", loss="mse")
model.fit(series, target, epochs=1, verbose=0)
