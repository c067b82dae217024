# Multi-label tagger (8 tags, sigmoid) trained with binary_crossentropy on one tag id per sample.
import numpy as np
import tensorflow as tf

x = np.random.rand(36, 50)
tags = np.random.randint(0, 8, size=(36,))

model = tf.keras.models.Sequential([
    tf.keras.layers.Dense(64, activation="relu", input_shape=(50,)),
    tf.keras.layers.Dense(8, activation="sigmoid"),
])
model.compile(optimizer="adam", loss=tf.keras.losses.BinaryCrossentropy())
model.fit(x, tags, epochs=1, verbose=0)  # expect: FLT005
