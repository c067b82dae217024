"""Residual networks: shortcuts written inline, then through keras-io style helpers."""

import keras
from keras import layers

NUM_CLASSES = 10

# "Toy ResNet" from the Keras functional API guide: blocks written out inline.
inputs = keras.Input(shape=(32, 32, 3), name="img")
x = layers.Conv2D(32, 3, activation="relu")(inputs)
x = layers.Conv2D(64, 3, activation="relu")(x)
block_1_output = layers.MaxPooling2D(3)(x)

x = layers.Conv2D(64, 3, activation="relu", padding="same")(block_1_output)
x = layers.Conv2D(64, 3, activation="relu", padding="same")(x)
block_2_output = layers.add([x, block_1_output])

x = layers.Conv2D(64, 3, activation="relu", padding="same")(block_2_output)
x = layers.Conv2D(64, 3, activation="relu", padding="same")(x)
block_3_output = layers.add([x, block_2_output])

x = layers.Conv2D(64, 3, activation="relu")(block_3_output)
x = layers.GlobalAveragePooling2D()(x)
x = layers.Dense(256, activation="relu")(x)
x = layers.Dropout(0.5)(x)
outputs = layers.Dense(NUM_CLASSES)(x)
toy_resnet = keras.Model(inputs, outputs, name="toy_resnet")


def residual_block(x, filters, downsample=False):
    """Basic ResNet block; a 1x1 projection when the shape changes."""
    shortcut = x
    strides = 2 if downsample else 1
    x = layers.Conv2D(filters, 3, strides=strides, padding="same", use_bias=False)(x)
    x = layers.BatchNormalization()(x)
    x = layers.Activation("relu")(x)
    x = layers.Conv2D(filters, 3, padding="same", use_bias=False)(x)
    x = layers.BatchNormalization()(x)
    if downsample:
        shortcut = layers.Conv2D(filters, 1, strides=2, padding="same")(shortcut)
        shortcut = layers.BatchNormalization()(shortcut)
    x = layers.Add()([x, shortcut])
    return layers.Activation("relu")(x)


def build_resnet(input_shape=(32, 32, 3), num_classes=NUM_CLASSES):
    inputs = keras.Input(shape=input_shape)
    x = layers.Conv2D(16, 3, padding="same", use_bias=False)(inputs)
    x = layers.BatchNormalization()(x)
    x = layers.Activation("relu")(x)
    for stage, filters in enumerate([16, 32, 64]):
        for block in range(2):
            x = residual_block(x, filters, downsample=(stage > 0 and block == 0))
    x = layers.GlobalAveragePooling2D()(x)
    outputs = layers.Dense(num_classes, activation="softmax")(x)
    return keras.Model(inputs, outputs, name="resnet14")


resnet = build_resnet()
resnet.compile(optimizer="adam", loss="sparse_categorical_crossentropy")


# A 1D residual net for time series (keras-io "Timeseries classification" flavour).
def res_unit_1d(x, filters):
    y = layers.Conv1D(filters, 3, padding="same", activation="relu")(x)
    y = layers.Conv1D(filters, 3, padding="same")(y)
    return layers.ReLU()(layers.add([x, y]))


series = keras.Input(shape=(128, 1))
s = layers.Conv1D(32, 7, padding="same", activation="relu")(series)
for _ in range(3):
    s = res_unit_1d(s, 32)
s = layers.GlobalAveragePooling1D()(s)
series_model = keras.Model(series, layers.Dense(2, activation="softmax")(s))
