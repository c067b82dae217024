"""GAN generator and discriminator as functional models, chained into one."""

import keras
from keras import layers

LATENT_DIM = 128
NUM_CHANNELS = 1
NUM_CLASSES = 10

# Generator: noise -> 7x7 -> 14x14 -> 28x28.
noise = keras.Input(shape=(LATENT_DIM,), name="noise")
g = layers.Dense(7 * 7 * 128)(noise)
g = layers.LeakyReLU(negative_slope=0.2)(g)
g = layers.Reshape((7, 7, 128))(g)
g = layers.Conv2DTranspose(128, (4, 4), strides=(2, 2), padding="same")(g)
g = layers.LeakyReLU(negative_slope=0.2)(g)
g = layers.Conv2DTranspose(128, (4, 4), strides=(2, 2), padding="same")(g)
g = layers.LeakyReLU(negative_slope=0.2)(g)
fake = layers.Conv2D(NUM_CHANNELS, (7, 7), padding="same", activation="sigmoid")(g)
generator = keras.Model(noise, fake, name="generator")


# Discriminator: 28x28 -> real/fake logit.
def downsample(x, filters):
    x = layers.Conv2D(filters, (3, 3), strides=(2, 2), padding="same")(x)
    return layers.LeakyReLU(negative_slope=0.2)(x)


image = keras.Input(shape=(28, 28, NUM_CHANNELS), name="image")
d = downsample(image, 64)
d = downsample(d, 128)
d = layers.GlobalMaxPooling2D()(d)
validity = layers.Dense(1)(d)
discriminator = keras.Model(image, validity, name="discriminator")

# The combined model used to train the generator.
z = keras.Input(shape=(LATENT_DIM,))
combined = keras.Model(z, discriminator(generator(z)), name="gan")

# Conditional generator: the class label is embedded and concatenated with the noise.
label = keras.Input(shape=(1,), dtype="int32", name="label")
label_embedding = layers.Flatten()(layers.Embedding(NUM_CLASSES, 50)(label))
cond_noise = keras.Input(shape=(LATENT_DIM,))
c = layers.Concatenate()([cond_noise, label_embedding])
c = layers.Dense(7 * 7 * 64, activation="relu")(c)
c = layers.Reshape((7, 7, 64))(c)
c = layers.UpSampling2D()(c)
c = layers.Conv2D(64, 3, padding="same", activation="relu")(c)
c = layers.UpSampling2D()(c)
c = layers.Conv2D(NUM_CHANNELS, 3, padding="same", activation="tanh")(c)
conditional_generator = keras.Model([cond_noise, label], c, name="cgan_generator")
