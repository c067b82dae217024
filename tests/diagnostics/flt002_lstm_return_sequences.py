# Forecaster with return_sequences=True keeps the time axis: predictions are (4, 10, 1), not (4, 1).
import numpy as np
import keras
from keras import layers

model = keras.Sequential([
    keras.Input(shape=(10, 3)),
    layers.LSTM(16, return_sequences=True),
    layers.Dense(1),
])
model.compile(optimizer="adam", loss="mse")

window = np.random.rand(4, 10, 3)
forecast = model.predict(window, verbose=0)
assert forecast.shape == (4, 1)  # expect: FLT002
