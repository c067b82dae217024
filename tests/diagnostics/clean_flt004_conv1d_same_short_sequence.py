# Conv1D with kernel 5 over 3-step sequences is fine with padding="same".
import keras
from keras import layers

model = keras.Sequential([
    layers.Input(shape=(3, 8)),
    layers.Conv1D(16, 5, padding="same", activation="relu"),
    layers.GlobalAveragePooling1D(),
    layers.Dense(1),
])
