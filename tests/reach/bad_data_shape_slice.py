import numpy as np
import tensorflow as tf

X_train = np.zeros((500, 24, 3), dtype="float32")
y_train = np.zeros((500,), dtype="float32")

model = tf.keras.Sequential([
    tf.keras.layers.Dense(64, activation="relu", input_shape=X_train.shape[1:]),  # FLT001
    tf.keras.layers.Dense(32, activation="relu"),
    tf.keras.layers.Dense(1),
])
model.compile(optimizer="adam", loss="mae")
model.fit(X_train, y_train, epochs=20)
