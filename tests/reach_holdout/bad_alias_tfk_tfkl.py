import numpy as np
import tensorflow as tf

tfk = tf.keras
tfkl = tfk.layers

# sensor windows: 5 readings of 3 sensors -> one regression value
model = tfk.Sequential([
    tfkl.InputLayer(input_shape=(5, 3)),
    tfkl.Dense(16, activation="relu"),  # FLT001
    tfkl.Dense(1),
])
model.compile(optimizer=tfk.optimizers.Adam(1e-3), loss="mse")
model.fit(np.random.rand(40, 5, 3), np.random.rand(40, 1), epochs=2, verbose=0)
