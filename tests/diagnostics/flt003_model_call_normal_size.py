# Calling a 6-feature regressor directly on a batch of 5-feature rows drawn with np.random.normal.
import numpy as np
import keras
from keras import layers

regressor = keras.Sequential([
    layers.Dense(8, activation="relu", input_shape=(6,)),
    layers.Dense(1),
])
batch = np.random.normal(size=(8, 5))
pred = regressor(batch)  # expect: FLT003
