# Grayscale images declared as (28, 28) without a channel axis: Conv2D needs rank 4 (batch, h, w, c).
from keras.models import Sequential
from keras.layers import Conv2D, Dense, Flatten, Input, MaxPooling2D

model = Sequential([
    Input(shape=(28, 28)),
    Conv2D(16, (3, 3), activation="relu"),  # expect: FLT004
    MaxPooling2D((2, 2)),
    Flatten(),
    Dense(10, activation="softmax"),
])
