import keras
from keras import layers


def conv_block(x, filters):
    x = layers.Conv2D(filters, 3, padding="same", activation="relu")(x)
    x = layers.Conv2D(filters, 3, padding="same", activation="relu")(x)
    return layers.MaxPooling2D()(x)


def build(num_classes):
    inputs = keras.Input(shape=(64, 64, 3))
    x = conv_block(inputs, 32)
    x = conv_block(x, 64)
    x = layers.Dense(128, activation="relu")(x)  # FLT001
    outputs = layers.Dense(num_classes, activation="softmax")(x)
    return keras.Model(inputs, outputs)


model = build(num_classes=6)
