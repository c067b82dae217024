"""Pooling layers with strides, padding, aliases and keepdims."""

import keras
from keras import layers

POOL = (2, 2)
SIZE = 37

pool2d = keras.Sequential([
    keras.Input(shape=(SIZE, SIZE, 4)),
    layers.AveragePooling2D(pool_size=POOL, strides=1),
    layers.MaxPooling2D(pool_size=3, strides=2, padding="same"),
    layers.MaxPool2D(POOL),
    layers.AvgPool2D((3, 1), strides=(1, 2), padding="valid"),
    layers.GlobalMaxPooling2D(keepdims=True),
    layers.Flatten(),
    layers.Dense(1),
])

pool1d = keras.Sequential([
    keras.Input(shape=(SIZE, 6)),
    layers.MaxPooling1D(pool_size=2, strides=1, padding="valid"),
    layers.AveragePooling1D(4, padding="same"),
    layers.MaxPool1D(),
    layers.GlobalAveragePooling1D(keepdims=True),
    layers.Dense(3),
])

pool3d = keras.Sequential([
    keras.Input(shape=(10, 12, 14, 1)),
    layers.MaxPooling3D(pool_size=(2, 3, 2)),
    layers.AveragePooling3D(pool_size=2, strides=(1, 1, 1), padding="same"),
    layers.GlobalAveragePooling3D(keepdims=True),
    layers.Flatten(),
    layers.Dense(2),
])

global_pool = keras.Sequential([
    keras.Input(shape=(SIZE, SIZE, 8)),
    layers.Conv2D(8, 3),
    layers.GlobalAvgPool2D(),
    layers.Dense(2),
])
