"""Convolutional autoencoders: encoder and decoder models composed into one."""

import keras
from keras import layers

LATENT_DIM = 16

# keras-io "Convolutional autoencoder for image denoising".
input_img = layers.Input(shape=(28, 28, 1))
x = layers.Conv2D(32, (3, 3), activation="relu", padding="same")(input_img)
x = layers.MaxPooling2D((2, 2), padding="same")(x)
x = layers.Conv2D(32, (3, 3), activation="relu", padding="same")(x)
x = layers.MaxPooling2D((2, 2), padding="same")(x)
x = layers.Conv2DTranspose(32, (3, 3), strides=2, activation="relu", padding="same")(x)
x = layers.Conv2DTranspose(32, (3, 3), strides=2, activation="relu", padding="same")(x)
x = layers.Conv2D(1, (3, 3), activation="sigmoid", padding="same")(x)
denoiser = keras.Model(input_img, x)
denoiser.compile(optimizer="adam", loss="binary_crossentropy")

# Encoder and decoder as separate models, then chained (Keras functional guide).
encoder_input = keras.Input(shape=(28, 28, 1), name="original_img")
e = layers.Conv2D(16, 3, activation="relu")(encoder_input)
e = layers.Conv2D(32, 3, activation="relu")(e)
e = layers.MaxPooling2D(3)(e)
e = layers.Conv2D(32, 3, activation="relu")(e)
e = layers.Conv2D(16, 3, activation="relu")(e)
encoder_output = layers.GlobalMaxPooling2D()(e)
encoder = keras.Model(encoder_input, encoder_output, name="encoder")

decoder_input = keras.Input(shape=(16,), name="encoded_img")
d = layers.Reshape((4, 4, 1))(decoder_input)
d = layers.Conv2DTranspose(16, 3, activation="relu")(d)
d = layers.Conv2DTranspose(32, 3, activation="relu")(d)
d = layers.UpSampling2D(3)(d)
d = layers.Conv2DTranspose(16, 3, activation="relu")(d)
decoder_output = layers.Conv2DTranspose(1, 3, activation="relu")(d)
decoder = keras.Model(decoder_input, decoder_output, name="decoder")

autoencoder_input = keras.Input(shape=(28, 28, 1), name="img")
encoded_img = encoder(autoencoder_input)
decoded_img = decoder(encoded_img)
autoencoder = keras.Model(autoencoder_input, decoded_img, name="autoencoder")

# A dense-bottleneck autoencoder for 64x64 colour images, upsampling decoder.
pixels = keras.Input(shape=(64, 64, 3))
h = layers.Conv2D(32, 3, strides=2, padding="same", activation="relu")(pixels)
h = layers.Conv2D(64, 3, strides=2, padding="same", activation="relu")(h)
h = layers.Flatten()(h)
code = layers.Dense(LATENT_DIM, name="code")(h)
h = layers.Dense(16 * 16 * 64, activation="relu")(code)
h = layers.Reshape((16, 16, 64))(h)
h = layers.UpSampling2D()(h)
h = layers.Conv2D(32, 3, padding="same", activation="relu")(h)
h = layers.UpSampling2D(size=(2, 2))(h)
reconstruction = layers.Conv2D(3, 3, padding="same", activation="sigmoid")(h)
bottleneck_ae = keras.Model(inputs=pixels, outputs=reconstruction, name="bottleneck_ae")
