# Conv autoencoder with two pools (28 -> 14 -> 7) and two upsamplings (7 -> 14 -> 28) reproduces 28x28.
import numpy as np
import keras
from keras import layers

inputs = keras.Input(shape=(28, 28, 1))
x = layers.Conv2D(16, 3, activation="relu", padding="same")(inputs)
x = layers.MaxPooling2D(2)(x)
x = layers.Conv2D(8, 3, activation="relu", padding="same")(x)
encoded = layers.MaxPooling2D(2)(x)

x = layers.UpSampling2D(2)(encoded)
x = layers.Conv2D(16, 3, activation="relu", padding="same")(x)
x = layers.UpSampling2D(2)(x)
decoded = layers.Conv2D(1, 3, activation="sigmoid", padding="same")(x)

autoencoder = keras.Model(inputs, decoded)
assert autoencoder.output_shape == (None, 28, 28, 1)

images = np.random.rand(2, 28, 28, 1)
reconstructed = autoencoder.predict(images, verbose=0)
assert reconstructed.shape == (2, 28, 28, 1)
