"""Names imported directly: `from keras import Model, Input`, layers by name."""

from keras import Input, Model
from keras.layers import (
    Activation,
    BatchNormalization,
    Conv2D,
    Dense,
    Dropout,
    Flatten,
    GlobalAveragePooling2D,
    MaxPooling2D,
)
from keras import layers

BATCH_SIZE = 32
ROWS, COLS, CHANNELS = 48, 48, 1
EMOTIONS = 7

# Facial expression classifier (FER-2013 style), Model(inputs=..., outputs=...).
face = Input(shape=(ROWS, COLS, CHANNELS), name="face")
x = Conv2D(32, (3, 3), padding="same")(face)
x = BatchNormalization()(x)
x = Activation("relu")(x)
x = Conv2D(32, (3, 3), padding="same")(x)
x = BatchNormalization()(x)
x = Activation("relu")(x)
x = MaxPooling2D(pool_size=(2, 2))(x)
x = Dropout(0.25)(x)
x = Conv2D(64, (3, 3), padding="same", activation="relu")(x)
x = MaxPooling2D(pool_size=(2, 2))(x)
x = Flatten()(x)
x = Dense(256, activation="relu")(x)
emotion = Dense(EMOTIONS, activation="softmax")(x)
fer = Model(inputs=face, outputs=emotion, name="fer_cnn")

# A fixed batch size, as stateful or TPU code does.
batched = Input(batch_shape=(BATCH_SIZE, 32, 32, 3))
y = Conv2D(16, 3, strides=2, activation="relu")(batched)
y = Conv2D(32, 3, strides=2, activation="relu")(y)
y = GlobalAveragePooling2D()(y)
y = Dense(10)(y)
fixed_batch = Model(batched, y)

# layers.Input spelling, positional shape.
tabular = layers.Input((20,))
t = layers.Dense(16, activation="relu")(tabular)
t = layers.Dense(8, activation="relu")(t)
t = layers.Dense(1, activation="sigmoid")(t)
binary = Model(tabular, t, name="binary_classifier")
binary.compile(optimizer="adam", loss="binary_crossentropy")
