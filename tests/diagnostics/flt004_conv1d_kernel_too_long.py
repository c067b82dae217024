# Conv1D with kernel 5 over sequences of only 3 steps (valid padding): output length would be -1.
import keras
from keras import layers

model = keras.Sequential([
    layers.Input(shape=(3, 8)),
    layers.Conv1D(16, 5, activation="relu"),  # expect: FLT004
    layers.GlobalAveragePooling1D(),
    layers.Dense(1),
])
