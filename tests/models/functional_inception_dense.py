"""Inception modules and DenseNet blocks: branches concatenated on channels."""

from keras import layers
from keras.models import Model
from keras.layers import Input


def inception_module(x, f1, f3_in, f3, f5_in, f5, pool_proj):
    branch1 = layers.Conv2D(f1, (1, 1), padding="same", activation="relu")(x)
    branch3 = layers.Conv2D(f3_in, (1, 1), padding="same", activation="relu")(x)
    branch3 = layers.Conv2D(f3, (3, 3), padding="same", activation="relu")(branch3)
    branch5 = layers.Conv2D(f5_in, (1, 1), padding="same", activation="relu")(x)
    branch5 = layers.Conv2D(f5, (5, 5), padding="same", activation="relu")(branch5)
    pool = layers.MaxPooling2D((3, 3), strides=(1, 1), padding="same")(x)
    pool = layers.Conv2D(pool_proj, (1, 1), padding="same", activation="relu")(pool)
    return layers.concatenate([branch1, branch3, branch5, pool], axis=-1)


# A two-module GoogLeNet fragment on small images.
visible = Input(shape=(64, 64, 3))
stem = layers.Conv2D(32, (3, 3), strides=2, padding="same", activation="relu")(visible)
stem = layers.MaxPooling2D((3, 3), strides=2, padding="same")(stem)
layer = inception_module(stem, 16, 24, 32, 4, 8, 8)
layer = inception_module(layer, 32, 32, 48, 8, 24, 16)
layer = layers.GlobalAveragePooling2D()(layer)
googlenet_mini = Model(inputs=visible, outputs=layers.Dense(10, activation="softmax")(layer))


# DenseNet: every conv sees all previous feature maps.
GROWTH_RATE = 12


def conv_unit(x, growth_rate):
    y = layers.BatchNormalization()(x)
    y = layers.Activation("relu")(y)
    y = layers.Conv2D(4 * growth_rate, 1, use_bias=False)(y)
    y = layers.BatchNormalization()(y)
    y = layers.Activation("relu")(y)
    y = layers.Conv2D(growth_rate, 3, padding="same", use_bias=False)(y)
    return layers.Concatenate()([x, y])


def transition(x, filters):
    x = layers.BatchNormalization()(x)
    x = layers.Conv2D(filters, 1, use_bias=False)(x)
    return layers.AveragePooling2D(2, strides=2)(x)


img_input = Input(shape=(32, 32, 3), name="image")
d = layers.Conv2D(2 * GROWTH_RATE, 3, padding="same", use_bias=False)(img_input)
for _ in range(4):
    d = conv_unit(d, GROWTH_RATE)
d = transition(d, 48)
for _ in range(4):
    d = conv_unit(d, GROWTH_RATE)
d = layers.BatchNormalization()(d)
d = layers.GlobalAveragePooling2D()(d)
densenet = Model(img_input, layers.Dense(10, activation="softmax")(d), name="densenet_mini")
