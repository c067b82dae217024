"""Padding, cropping and upsampling in 1-D and 2-D."""

from keras import Sequential, Input
from keras.layers import (ZeroPadding1D, ZeroPadding2D, Cropping1D, Cropping2D, UpSampling1D,
                          UpSampling2D, Conv1D, Conv2D, Flatten, Dense)

SIGNAL = 100

signal_net = Sequential([
    Input(shape=(SIGNAL, 2)),
    ZeroPadding1D(padding=3),
    Conv1D(8, 7),
    Cropping1D(cropping=(2, 4)),
    UpSampling1D(size=3),
    ZeroPadding1D((1, 0)),
    Flatten(),
    Dense(1),
])

IMG_H, IMG_W = 30, 40
image_net = Sequential([
    Input(shape=(IMG_H, IMG_W, 3)),
    ZeroPadding2D(padding=(1, 1)),
    Conv2D(8, 3),
    Cropping2D(cropping=((2, 2), (4, 4))),
    UpSampling2D(size=(2, 3), interpolation="bilinear"),
    ZeroPadding2D(((0, 1), (2, 3))),
    Cropping2D(5),
    Conv2D(4, 3, padding="same"),
    Flatten(),
    Dense(2),
])

padded_dense = Sequential([
    Input(shape=(IMG_H, IMG_W, 1)),
    ZeroPadding2D(2),
    Dense(16),  # acts per pixel
])
