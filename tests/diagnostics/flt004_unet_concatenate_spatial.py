# U-Net skip connection: a valid conv shrinks 16 -> 14, pooled to 7 and upsampled back to 14, which cannot join the 16x16 skip.
import keras
from keras import layers

inputs = keras.Input(shape=(16, 16, 1))
skip = layers.Conv2D(8, 3, padding="same", activation="relu")(inputs)
x = layers.Conv2D(16, 3, activation="relu")(skip)
x = layers.MaxPooling2D()(x)
x = layers.UpSampling2D()(x)
x = layers.concatenate([x, skip])  # expect: FLT004
outputs = layers.Conv2D(1, 1, activation="sigmoid")(x)
unet = keras.Model(inputs, outputs)
