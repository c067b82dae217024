# Forecaster whose LSTM returns only the last step: predictions are (4, 1) as asserted.
import numpy as np
import keras
from keras import layers

model = keras.Sequential([
    keras.Input(shape=(10, 3)),
    layers.LSTM(16),
    layers.Dense(1),
])
model.compile(optimizer="adam", loss="mse")

window = np.random.rand(4, 10, 3)
forecast = model.predict(window, verbose=0)
assert forecast.shape == (4, 1)
