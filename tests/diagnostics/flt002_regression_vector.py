# House-price regressor: Dense(1) returns a column (4, 1), not the flat vector (4,) the author asserts.
import numpy as np
import keras
from keras import layers

model = keras.Sequential([
    layers.Dense(32, activation="relu", input_shape=(8,)),
    layers.Dense(1),
])
model.compile(optimizer="adam", loss="mse")

houses = np.random.random((4, 8))
prices = model.predict(houses, verbose=0)
assert prices.shape == (4,)  # expect: FLT002
