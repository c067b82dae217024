import numpy as np
import keras

model = keras.Sequential()
model.add(keras.layers.Conv1D(16, 3, activation="relu"))
model.add(keras.layers.Dense(1))  # FLT001
model.compile(optimizer="adam", loss="mse")

for step in range(3):
    xb = np.random.rand(8, 40, 2)
    yb = np.random.rand(8, 1)
    loss = model.train_on_batch(xb, yb)
