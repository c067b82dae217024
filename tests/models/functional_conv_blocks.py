"""CNNs built from keras-io style helper functions called in loops."""

import keras
from keras import layers

NUM_CLASSES = 10


def conv_block(x, filters):
    x = layers.Conv2D(filters, 3, padding="same")(x)
    x = layers.BatchNormalization()(x)
    x = layers.Activation("relu")(x)
    x = layers.MaxPooling2D(pool_size=2)(x)
    return x


def dense_block(x, units, dropout_rate):
    x = layers.Dense(units, activation="relu")(x)
    x = layers.BatchNormalization()(x)
    return layers.Dropout(dropout_rate)(x)


# VGG-ish stack: one helper call per filter count, then an MLP head.
inputs = keras.Input(shape=(64, 64, 3))
x = inputs
for filters in [32, 64, 128]:
    x = conv_block(x, filters)
x = layers.Flatten()(x)
x = dense_block(x, 256, 0.5)
x = dense_block(x, 64, 0.3)
outputs = layers.Dense(NUM_CLASSES, activation="softmax")(x)
vgg_like = keras.Model(inputs, outputs, name="vgg_like")


# Fixed repetition count: `for _ in range(3)`, each step halving the image.
def down(x):
    x = layers.Conv2D(24, 3, padding="same", activation="relu")(x)
    return layers.MaxPooling2D()(x)


gray = keras.Input(shape=(96, 96, 1), name="gray")
g = gray
for _ in range(3):
    g = down(g)
g = layers.GlobalAveragePooling2D()(g)
g = layers.Dense(NUM_CLASSES)(g)
repeated = keras.Model(gray, g)


# keras-io "Image classification from scratch" (Xception-like), scaled down.
def make_model(input_shape, num_classes):
    inputs = keras.Input(shape=input_shape)
    x = layers.Rescaling(1.0 / 255)(inputs)
    x = layers.Conv2D(32, 3, strides=2, padding="same")(x)
    x = layers.BatchNormalization()(x)
    x = layers.Activation("relu")(x)

    previous_block_activation = x  # Set aside residual

    for size in [64, 128, 256]:
        x = layers.Activation("relu")(x)
        x = layers.SeparableConv2D(size, 3, padding="same")(x)
        x = layers.BatchNormalization()(x)

        x = layers.Activation("relu")(x)
        x = layers.SeparableConv2D(size, 3, padding="same")(x)
        x = layers.BatchNormalization()(x)

        x = layers.MaxPooling2D(3, strides=2, padding="same")(x)

        # Project residual
        residual = layers.Conv2D(size, 1, strides=2, padding="same")(previous_block_activation)
        x = layers.add([x, residual])  # Add back residual
        previous_block_activation = x  # Set aside next residual

    x = layers.SeparableConv2D(512, 3, padding="same")(x)
    x = layers.BatchNormalization()(x)
    x = layers.Activation("relu")(x)

    x = layers.GlobalAveragePooling2D()(x)
    if num_classes == 2:
        units = 1
    else:
        units = num_classes

    x = layers.Dropout(0.25)(x)
    outputs = layers.Dense(units, activation=None)(x)
    return keras.Model(inputs, outputs)


xception_mini = make_model(input_shape=(90, 90, 3), num_classes=2)

# Any image size: convolutions and global pooling only.
anywhere = keras.Input(shape=(None, None, 3))
a = anywhere
for filters in (16, 32, 64):
    a = conv_block(a, filters)
a = layers.GlobalMaxPooling2D()(a)
anysize = keras.Model(anywhere, layers.Dense(NUM_CLASSES, activation="softmax")(a), name="anysize")
