# Dense on a (3, 2) input acts on the last axis only, so predict gives (1, 3, 4), not the asserted (1, 4).
import numpy as np
from keras.models import Sequential
from keras.layers import Activation, Dense

model = Sequential([
    Dense(16, input_shape=(3, 2)),
    Activation('relu'),
    Dense(4),
])
x = np.zeros((1, 3, 2))
assert model.predict(x, verbose=0).shape == (1, 4)  # expect: FLT002
