"""A gallery of Dense layers fed unflattened tensors (and their fixed twins)."""

import keras
from keras.layers import Conv2D, MaxPooling2D, Dense, Flatten, Reshape

# Dense straight after conv/pool
conv_bug = keras.Sequential([
    Conv2D(32, 3, activation="relu", input_shape=(28, 28, 1)),
    MaxPooling2D(),
    Dense(128, activation="relu"),
    Dense(10, activation="softmax"),
])

conv_fixed = keras.Sequential([
    Conv2D(32, 3, activation="relu", input_shape=(28, 28, 1)),
    MaxPooling2D(),
    Flatten(),
    Dense(128, activation="relu"),
    Dense(10, activation="softmax"),
])

# Dense on a rank-3 declared input
raw_bug = keras.Sequential()
raw_bug.add(Dense(16, input_shape=(10, 4)))
raw_bug.add(Dense(1))

# Dense after an explicit Reshape to an image
reshape_bug = keras.Sequential([
    keras.Input(shape=(64,)),
    Reshape((8, 8)),
    Dense(4),
])
