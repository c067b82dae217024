# Strided valid convs: 28 -> 13 -> 6, the downsampler test expects 7x7.
import keras
from keras import layers

downsampler = keras.Sequential([
    keras.Input(shape=(28, 28, 1)),
    layers.Conv2D(16, 3, strides=2, activation="relu"),
    layers.Conv2D(32, 3, strides=2, activation="relu"),
])
assert downsampler.output_shape == (None, 7, 7, 32)  # expect: FLT002
