# LSTM built for windows of 10 steps x 8 sensors gets a single step per sample (4, 8).
import numpy as np
import keras
from keras import layers

model = keras.Sequential([
    keras.Input(shape=(10, 8)),
    layers.LSTM(16),
    layers.Dense(1),
])
readings = np.random.rand(4, 8)
forecast = model.predict(readings, verbose=0)  # expect: FLT003
