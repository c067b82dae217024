"""Sequential(layers=[...]) with InputLayer(input_shape=...) and reshaping layers."""

import keras
from keras.layers import InputLayer, Permute, Reshape, Flatten, Dense, Conv2D, RepeatVector

TIMESTEPS = 20
FEATURES = 8

reshaper = keras.Sequential(
    layers=[
        InputLayer(input_shape=(TIMESTEPS, FEATURES)),
        Permute((2, 1)),
        Reshape((-1,)),
        Dense(64),
        RepeatVector(3),
        Reshape((3, 8, 8)),
        Permute((3, 1, 2)),
        Flatten(),
        Dense(1),
    ],
    name="reshaper",
)

channels_first = keras.Sequential(layers=[
    InputLayer(shape=(3, 32, 32)),
    Conv2D(16, 3, data_format="channels_first"),
    Flatten(data_format="channels_first"),
    Dense(10),
])

reshaped_input = keras.Sequential(
    layers=[
        keras.Input(shape=(784,)),
        Reshape((28, 28, 1)),
        Conv2D(8, 3, strides=2),
        Reshape((-1, 8)),
        Flatten(),
        Dense(10),
    ]
)
