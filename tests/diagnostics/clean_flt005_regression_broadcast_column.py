# House-price regression: a flat (n,) target and a (None, 1) output; mse broadcasts them.
import numpy as np
import keras
from keras import layers

features = np.random.rand(40, 12)
prices = np.random.rand(40)

model = keras.Sequential([
    keras.Input(shape=(12,)),
    layers.Dense(32, activation="relu"),
    layers.Dense(1),
])
model.compile(optimizer="adam", loss="mse", metrics=["mae"])
model.fit(features, prices, epochs=1, verbose=0)
