# A Conv2D applied straight to flat 784-pixel vectors (rank 2) instead of (28, 28, 1) images.
import keras
from keras import layers

inputs = keras.Input(shape=(784,))
x = layers.Conv2D(32, 3, activation="relu")(inputs)  # expect: FLT004
x = layers.Flatten()(x)
outputs = layers.Dense(10, activation="softmax")(x)
model = keras.Model(inputs=inputs, outputs=outputs)
