# U-Net skip with "same" convs: 16 -> 8 -> 16, so the upsampled map concatenates with the 16x16 skip.
import keras
from keras import layers

inputs = keras.Input(shape=(16, 16, 1))
skip = layers.Conv2D(8, 3, padding="same", activation="relu")(inputs)
x = layers.MaxPooling2D()(skip)
x = layers.Conv2D(16, 3, padding="same", activation="relu")(x)
x = layers.UpSampling2D()(x)
x = layers.concatenate([x, skip])
outputs = layers.Conv2D(1, 1, activation="sigmoid")(x)
unet = keras.Model(inputs, outputs)
