import numpy as np
import keras
from keras import layers

X = np.random.random((64, 15, 3)).astype("float32")
Y = np.random.random((64, 15, 1)).astype("float32")

model = keras.Sequential([
    layers.Input(shape=(X.shape[1], X.shape[2])),
    layers.GRU(32, return_sequences=True),
    layers.TimeDistributed(layers.Dense(1)),
])
model.compile(optimizer="adam", loss="mse")
model.fit(X, Y, epochs=2)
