"""Convolutional autoencoder for 28x28 images, written against tf.keras."""

import tensorflow as tf

IMG = 28
LATENT_CHANNELS = 8


def build_autoencoder():
    half = IMG // 2
    quarter = half // 2
    encoder = tf.keras.Sequential(
        [
            tf.keras.layers.InputLayer(shape=(IMG, IMG, 1)),
            tf.keras.layers.Conv2D(16, 3, strides=2, padding="same", activation="relu"),
            tf.keras.layers.Conv2D(LATENT_CHANNELS, 3, strides=2, padding="same", activation="relu"),
        ],
        name="encoder",
    )
    decoder = tf.keras.Sequential(
        [
            tf.keras.layers.InputLayer(shape=(quarter, quarter, LATENT_CHANNELS)),
            tf.keras.layers.Conv2DTranspose(LATENT_CHANNELS, 3, strides=2, padding="same",
                                            activation="relu"),
            tf.keras.layers.Conv2DTranspose(16, 3, strides=2, padding="same", activation="relu"),
            tf.keras.layers.Conv2D(1, kernel_size=(3, 3), activation="sigmoid", padding="same"),
        ],
        name="decoder",
    )
    return encoder, decoder


def build_upsampling_autoencoder():
    model = tf.keras.models.Sequential()
    model.add(tf.keras.layers.Conv2D(32, (3, 3), activation="relu", padding="same",
                                     input_shape=(IMG, IMG, 1)))
    model.add(tf.keras.layers.MaxPooling2D((2, 2), padding="same"))
    model.add(tf.keras.layers.Conv2D(16, (3, 3), activation="relu", padding="same"))
    model.add(tf.keras.layers.MaxPooling2D((2, 2), padding="same"))
    model.add(tf.keras.layers.Conv2D(16, (3, 3), activation="relu", padding="same"))
    model.add(tf.keras.layers.UpSampling2D((2, 2)))
    model.add(tf.keras.layers.Conv2D(32, (3, 3), activation="relu", padding="same"))
    model.add(tf.keras.layers.UpSampling2D(size=2))
    model.add(tf.keras.layers.Conv2D(1, (3, 3), activation="sigmoid", padding="same"))
    return model


if __name__ == "__main__":
    enc, dec = build_autoencoder()
    ae = build_upsampling_autoencoder()
