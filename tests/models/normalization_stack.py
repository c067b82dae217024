"""Tabular and sequence models using the normalization layers."""

import keras
from keras import layers

N_FEATURES = 13
SEQ = 50

tabular = keras.Sequential([
    keras.Input(shape=(N_FEATURES,)),
    layers.Normalization(axis=-1),
    layers.Dense(64, activation="relu"),
    layers.BatchNormalization(momentum=0.9),
    layers.Dense(64, activation="relu"),
    layers.LayerNormalization(epsilon=1e-6),
    layers.UnitNormalization(),
    layers.Dense(1),
])

sequence = keras.Sequential([
    keras.Input(shape=(SEQ, 16)),
    layers.Masking(mask_value=0.0),
    layers.LayerNormalization(axis=-1),
    layers.GroupNormalization(groups=4),
    layers.LSTM(32, return_sequences=True),
    layers.BatchNormalization(axis=-1),
    layers.GlobalAveragePooling1D(),
    layers.Dense(3, activation="softmax"),
])

images = keras.Sequential()
images.add(keras.Input(shape=(64, 64, 3)))
images.add(layers.Rescaling(scale=1.0 / 255))
images.add(layers.Normalization(mean=[0.485, 0.456, 0.406], variance=[0.052, 0.050, 0.051]))
images.add(layers.Conv2D(16, 3, activation="relu"))
images.add(layers.GroupNormalization(groups=8, axis=-1))
images.add(layers.MaxPooling2D())
images.add(layers.Flatten())
images.add(layers.Dense(10))
