# Too many valid 3x3 convs for an 8x8 input: 8 -> 6 -> 3 (pool) -> 1, and the last conv would be negative.
import keras
from keras import layers

model = keras.Sequential([
    keras.Input(shape=(8, 8, 1)),
    layers.Conv2D(16, 3, activation="relu"),
    layers.MaxPooling2D(),
    layers.Conv2D(32, 3, activation="relu"),
    layers.Conv2D(64, 3, activation="relu"),  # expect: FLT004
    layers.Flatten(),
    layers.Dense(10, activation="softmax"),
])
