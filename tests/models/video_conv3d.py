"""Video / volumetric classifiers with 3-D convolutions."""

from keras import Sequential
from keras.layers import (
    Conv3D,
    MaxPooling3D,
    AveragePooling3D,
    GlobalAveragePooling3D,
    InputLayer,
    Dense,
    ZeroPadding3D,
    Cropping3D,
    UpSampling3D,
    BatchNormalization,
)

FRAMES, HEIGHT, WIDTH = 16, 64, 64
VOLUME = (FRAMES, HEIGHT, WIDTH, 3)

video_net = Sequential([
    InputLayer(shape=VOLUME),
    Conv3D(32, (3, 3, 3), activation="relu", padding="same"),
    MaxPooling3D(pool_size=(1, 2, 2)),
    Conv3D(64, 3, activation="relu"),
    BatchNormalization(),
    MaxPooling3D(pool_size=2, strides=2),
    Conv3D(128, (3, 3, 3), strides=(1, 2, 2), padding="same", activation="relu"),
    GlobalAveragePooling3D(),
    Dense(101, activation="softmax"),
])

CT = (32, 32, 32, 1)
ct_net = Sequential()
ct_net.add(InputLayer(shape=CT))
ct_net.add(ZeroPadding3D(padding=(1, 2, 2)))
ct_net.add(Conv3D(8, kernel_size=(3, 5, 5)))
ct_net.add(AveragePooling3D(pool_size=(2, 2, 2), padding="same"))
ct_net.add(UpSampling3D(size=(2, 1, 1)))
ct_net.add(Cropping3D(cropping=((2, 2), (1, 1), (0, 0))))
ct_net.add(Conv3D(1, 1, activation="sigmoid"))
