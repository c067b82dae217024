# LSTM declared for 10-step windows predicts on 12-step windows: the time axis is not fixed by any weight.
import numpy as np
import keras
from keras import layers

model = keras.Sequential([
    keras.Input(shape=(10, 8)),
    layers.LSTM(16),
    layers.Dense(1),
])
readings = np.random.rand(2, 12, 8)
forecast = model.predict(readings, verbose=0)
