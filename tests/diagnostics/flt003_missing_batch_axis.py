# One sample of shape (3, 2) passed to predict without a batch axis: Keras wants (None, 3, 2).
import numpy as np
from keras.models import Sequential
from keras.layers import Activation, Dense, Flatten

model = Sequential([
    Flatten(input_shape=(3, 2)),
    Dense(16),
    Activation('relu'),
    Dense(4),
])
x = np.zeros((3, 2))
y = model.predict(x, verbose=0)  # expect: FLT003
