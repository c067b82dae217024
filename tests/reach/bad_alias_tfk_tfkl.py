import numpy as np
import tensorflow as tf

tfk = tf.keras
tfkl = tfk.layers

window, n_sensors = 20, 6
model = tfk.Sequential([
    tfkl.InputLayer(input_shape=(window, n_sensors)),
    tfkl.Dense(64, activation="relu"),  # FLT001
    tfkl.Dropout(0.2),
    tfkl.Dense(1),
])
model.compile(optimizer=tfk.optimizers.Adam(1e-3), loss="mse")
