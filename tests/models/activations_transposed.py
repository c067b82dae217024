"""Activation layers and 3-D / 2-D transposed convolutions."""

from keras import Sequential, layers
import keras

act_mlp = Sequential([
    layers.Input(shape=(30,)),
    layers.Dense(64),
    layers.LeakyReLU(negative_slope=0.1),
    layers.Dense(64),
    layers.PReLU(),
    layers.Dense(64),
    layers.ELU(alpha=0.5),
    layers.Dense(64),
    layers.ReLU(max_value=6.0, negative_slope=0.0, threshold=0.0),
    layers.Dense(5),
    layers.Softmax(axis=-1),
])

VOX = 8
volume_decoder = Sequential()
volume_decoder.add(keras.Input(shape=(64,)))
volume_decoder.add(layers.Dense(VOX * VOX * VOX * 4))
volume_decoder.add(layers.Reshape((VOX, VOX, VOX, 4)))
volume_decoder.add(layers.Conv3DTranspose(16, 3, strides=2, padding="same"))
volume_decoder.add(layers.Conv3DTranspose(8, (3, 3, 3), strides=(2, 2, 2)))
volume_decoder.add(layers.Conv3D(1, 3, padding="same", activation="sigmoid"))

segmenter = Sequential([
    keras.Input(shape=(64, 64, 3)),
    layers.Conv2D(16, 3, strides=2, padding="same"),
    layers.Conv2D(32, 3, strides=2, padding="same"),
    layers.Conv2DTranspose(16, 3, strides=2, padding="same", output_padding=1),
    layers.Conv2DTranspose(8, kernel_size=(4, 4), strides=(2, 2), padding="valid"),
    layers.Conv2D(3, 1, activation="softmax"),
])
