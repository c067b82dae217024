import numpy as np
import tensorflow as tf
from tensorflow.keras import layers

x = np.random.randint(0, 255, size=(200, 32, 32, 3)).astype("float32") / 255.
y = np.random.randint(0, 4, size=(200,))

model = tf.keras.Sequential([
    layers.Conv2D(16, 3, activation="relu", input_shape=x.shape[1:]),
    layers.MaxPooling2D(),
    layers.Conv2D(32, 3, activation="relu"),
    layers.MaxPooling2D(),
    layers.Dense(4, activation="softmax"),  # FLT001
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(x, y, epochs=3)
