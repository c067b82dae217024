# A near miss Keras accepts: mse broadcasts a (None, 1) output against three targets per sample.
import numpy as np
import keras
from keras import layers

x = np.random.rand(40, 6)
y = np.random.rand(40, 3)

model = keras.Sequential([keras.Input(shape=(6,)), layers.Dense(8, activation="relu"), layers.Dense(1)])
model.compile(optimizer="sgd", loss=keras.losses.MeanSquaredError())
model.fit(x, y, epochs=1, verbose=0)
