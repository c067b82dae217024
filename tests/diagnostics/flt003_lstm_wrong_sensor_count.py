# LSTM trained on 8 sensors gets windows from a rig with 9 sensors (the feature axis feeds the LSTM kernel).
import numpy as np
import keras
from keras import layers

model = keras.Sequential([
    keras.Input(shape=(10, 8)),
    layers.LSTM(16),
    layers.Dense(1),
])
windows = np.random.randn(2, 10, 9)
forecast = model.predict(windows, verbose=0)  # expect: FLT003
