# GAN-style discriminator (functional) with a 2-unit head, trained on (batch, 1) real/fake labels.
import numpy as np
import keras
from keras import layers

inputs = keras.Input(shape=(64,))
h = layers.Dense(32)(inputs)
h = layers.LeakyReLU(0.2)(h)
outputs = layers.Dense(2, activation="sigmoid")(h)
discriminator = keras.Model(inputs, outputs)
discriminator.compile(optimizer="adam", loss="binary_crossentropy")

batch = np.random.rand(16, 64)
real = np.ones((16, 1))
discriminator.train_on_batch(batch, real)  # expect: FLT005
