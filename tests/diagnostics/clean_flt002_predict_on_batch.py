# Sensor model: valid Conv1D with kernel 5 maps 50 steps to 46, and the check knows it.
import numpy as np
from keras.models import Sequential
from keras.layers import Conv1D, Dense, Input

model = Sequential([Input(shape=(50, 6)), Conv1D(32, 5, activation="relu"), Dense(1)])

x = np.random.randn(3, 50, 6)
y = model.predict_on_batch(x)
assert y.shape == (3, 46, 1)
