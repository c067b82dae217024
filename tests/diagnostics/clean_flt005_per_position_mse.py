# (None, 5, 1) output trained on (n, 1) targets with mse: Keras squeezes and broadcasts (FLT001's case, not FLT005's).
import numpy as np
import keras
from keras import layers

x = np.random.rand(20, 5, 3)
y = np.random.rand(20, 1)

model = keras.Sequential([keras.Input(shape=(5, 3)), layers.Dense(4, activation="relu"), layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(x, y, epochs=1, verbose=0)
