import numpy as np
import keras

data = np.zeros((1000, 12, 9))
X = data[:, :10, :]
y = data[:, 10:, 0]

inp = keras.Input(shape=X.shape[1:])
z = keras.layers.Dense(16, activation="tanh")(inp)  # FLT001
z = keras.layers.Dense(2)(z)
model = keras.Model(inp, z)
model.compile(optimizer="sgd", loss="mse")
