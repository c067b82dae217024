"""Convolutional autoencoder as a subclassed model with Sequential encoder/decoder."""
import keras
from keras import layers


class Autoencoder(keras.Model):
    def __init__(self, latent_dim=16):
        super().__init__()
        self.encoder = keras.Sequential([
            layers.Conv2D(8, 3, strides=2, padding="same", activation="relu"),
            layers.Flatten(),
            layers.Dense(latent_dim, activation="relu"),
        ])
        self.decoder = keras.Sequential([
            layers.Dense(14 * 14 * 8, activation="relu"),
            layers.Reshape((14, 14, 8)),
            layers.Conv2DTranspose(1, 3, strides=2, padding="same", activation="sigmoid"),
        ])

    def call(self, x):
        return self.decoder(self.encoder(x))


autoencoder = Autoencoder(latent_dim=32)
reconstruction = autoencoder(keras.Input((28, 28, 1)))
