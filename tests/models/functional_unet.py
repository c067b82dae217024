"""U-Net style encoder/decoders with skip concatenations."""

import keras
from keras import layers

IMG_SIZE = (128, 128)
NUM_CLASSES = 3


def conv_block(x, filters):
    x = layers.Conv2D(filters, 3, padding="same")(x)
    x = layers.BatchNormalization()(x)
    x = layers.Activation("relu")(x)
    x = layers.Conv2D(filters, 3, padding="same")(x)
    x = layers.BatchNormalization()(x)
    x = layers.Activation("relu")(x)
    return x


def encoder_block(x, filters):
    skip = conv_block(x, filters)
    pooled = layers.MaxPooling2D((2, 2))(skip)
    return skip, pooled


def decoder_block(x, skip, filters):
    x = layers.Conv2DTranspose(filters, (2, 2), strides=2, padding="same")(x)
    x = layers.Concatenate()([x, skip])
    x = conv_block(x, filters)
    return x


def build_unet(input_shape):
    inputs = keras.Input(input_shape)
    s1, p1 = encoder_block(inputs, 16)
    s2, p2 = encoder_block(p1, 32)
    s3, p3 = encoder_block(p2, 64)
    b1 = conv_block(p3, 128)
    d1 = decoder_block(b1, s3, 64)
    d2 = decoder_block(d1, s2, 32)
    d3 = decoder_block(d2, s1, 16)
    outputs = layers.Conv2D(1, 1, padding="same", activation="sigmoid")(d3)
    return keras.Model(inputs, outputs, name="U-Net")


unet = build_unet((128, 128, 3))

# Fully convolutional, two levels: any image size (a multiple of 4) is accepted.
any_size = keras.Input(shape=(None, None, 1))
skip_1, down = encoder_block(any_size, 8)
skip_2, down = encoder_block(down, 16)
up = conv_block(down, 32)
up = decoder_block(up, skip_2, 16)
up = decoder_block(up, skip_1, 8)
fcn_unet = keras.Model(any_size, layers.Conv2D(1, 1, activation="sigmoid")(up), name="fcn_unet")

# Inline U-Net with the lowercase concatenate (keras-io "Image segmentation" spirit).
inputs = keras.Input(shape=IMG_SIZE + (3,))
c1 = layers.Conv2D(16, 3, activation="relu", padding="same")(inputs)
p1 = layers.MaxPooling2D()(c1)
c2 = layers.Conv2D(32, 3, activation="relu", padding="same")(p1)
p2 = layers.MaxPooling2D()(c2)
bottom = layers.Conv2D(64, 3, activation="relu", padding="same")(p2)
u2 = layers.UpSampling2D()(bottom)
u2 = layers.concatenate([u2, c2], axis=-1)
u2 = layers.Conv2D(32, 3, activation="relu", padding="same")(u2)
u1 = layers.UpSampling2D()(u2)
u1 = layers.concatenate([u1, c1])
u1 = layers.Conv2D(16, 3, activation="relu", padding="same")(u1)
masks = layers.Conv2D(NUM_CLASSES, 1, activation="softmax")(u1)
segmenter = keras.Model(inputs, masks)
