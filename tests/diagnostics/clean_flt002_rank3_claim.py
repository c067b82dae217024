# Per-position Dense on (3, 2) inputs is intended here, and the claim (1, 3, 4) says so.
import numpy as np
from keras.models import Sequential
from keras.layers import Activation, Dense

model = Sequential([
    Dense(16, input_shape=(3, 2)),
    Activation('relu'),
    Dense(4),
])
x = np.zeros((1, 3, 2))
assert model.predict(x, verbose=0).shape == (1, 3, 4)
