# DCGAN generator: Dense(3136) is exactly 7*7*64, so the Reshape is valid and upsamples to 28x28.
import keras
from keras import layers

LATENT_DIM = 16

generator = keras.Sequential([
    keras.Input(shape=(LATENT_DIM,)),
    layers.Dense(3136, activation="relu"),
    layers.Reshape((7, 7, 64)),
    layers.Conv2DTranspose(32, 3, strides=2, padding="same", activation="relu"),
    layers.Conv2DTranspose(1, 3, strides=2, padding="same", activation="sigmoid"),
])
