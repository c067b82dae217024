# Three 3x3 convs on a 4x4 board: with padding="same" the size never shrinks (with "valid" it would be 4 -> 2 -> 0).
import keras
from keras import layers

model = keras.Sequential([
    keras.Input(shape=(4, 4, 2)),
    layers.Conv2D(16, 3, padding="same", activation="relu"),
    layers.Conv2D(16, 3, padding="same", activation="relu"),
    layers.Conv2D(16, 3, padding="same", activation="relu"),
    layers.Flatten(),
    layers.Dense(4, activation="softmax"),
])
