# GRU declared with a variable time axis (None, 8) takes windows of any length.
import numpy as np
from keras import Input, Model
from keras.layers import GRU, Dense

series = Input(shape=(None, 8))
state = GRU(16)(series)
forecast = Dense(1)(state)
model = Model(series, forecast)
model.compile(optimizer="adam", loss="mse")

long_window = np.random.randn(2, 37, 8)
model.predict(long_window, verbose=0)
model.evaluate(long_window, np.zeros((2, 1)), verbose=0)
