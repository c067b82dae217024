import numpy as np
import tensorflow as tf
from tensorflow.keras import layers

X = np.random.rand(64, 24, 7)[..., :6]

inputs = tf.keras.Input(shape=X.shape[1:])
h = layers.Dense(32, activation="relu")(inputs)   # per-timestep projection
h = layers.GRU(16)(h)
outputs = layers.Dense(1)(h)
model = tf.keras.Model(inputs, outputs)
print(model(X).shape)
