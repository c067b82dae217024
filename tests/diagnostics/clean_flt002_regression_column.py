# House-price regressor: the author correctly expects a (4, 1) column from Dense(1).
import numpy as np
import tensorflow as tf

model = tf.keras.Sequential([
    tf.keras.layers.Dense(32, activation="relu", input_shape=(8,)),
    tf.keras.layers.Dense(1),
])
model.compile(optimizer="adam", loss="mse")

houses = np.random.random((4, 8))
prices = model.predict(houses, verbose=0)
assert prices.shape == (4, 1)
