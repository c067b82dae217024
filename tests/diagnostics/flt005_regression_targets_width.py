# Multi-target regression: two targets per house (price, days on market), but a 3-unit output.
import numpy as np
import keras
from keras import layers

features = np.random.rand(40, 12)
targets = np.random.rand(40, 2)

model = keras.Sequential([
    keras.Input(shape=(12,)),
    layers.Dense(32, activation="relu"),
    layers.Dense(3),
])
model.compile(optimizer="adam", loss="mse", metrics=["mae"])
model.fit(features, targets, epochs=1, verbose=0)  # expect: FLT005
