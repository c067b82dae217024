"""Sequential models used as layers inside functional models."""
# static-gaps: a Sequential without an Input is built by its first call; its own layer list does not learn that input

import keras
from keras import layers

IMAGE_SIZE = (64, 64)
NUM_CLASSES = 4

# keras-io "Image classification from scratch": augmentation as a Sequential.
data_augmentation = keras.Sequential(
    [
        layers.RandomFlip("horizontal"),
        layers.RandomRotation(0.1),
    ]
)

inputs = keras.Input(shape=IMAGE_SIZE + (3,))
x = data_augmentation(inputs)
x = layers.Rescaling(1.0 / 255)(x)
x = layers.Conv2D(32, 3, strides=2, padding="same", activation="relu")(x)
x = layers.Conv2D(64, 3, padding="same", activation="relu")(x)
x = layers.GlobalAveragePooling2D()(x)
x = layers.Dropout(0.25)(x)
outputs = layers.Dense(NUM_CLASSES, activation="softmax")(x)
augmented = keras.Model(inputs, outputs)

# A Sequential feature extractor with its own Input, then a functional head.
feature_extractor = keras.Sequential(
    [
        keras.Input(shape=(32, 32, 3)),
        layers.Conv2D(16, 3, activation="relu"),
        layers.MaxPooling2D(),
        layers.Conv2D(32, 3, activation="relu"),
        layers.MaxPooling2D(),
        layers.Flatten(),
    ],
    name="feature_extractor",
)
image = keras.Input(shape=(32, 32, 3))
features = feature_extractor(image)
dense1 = layers.Dense(64, activation="relu")
dense2 = layers.Dense(10)
logits = dense2(dense1(features))
head_model = keras.Model(image, logits, name="extractor_plus_head")

# A Sequential classifier head (no Input of its own) applied to pooled features.
head = keras.Sequential([layers.Dense(32, activation="relu"), layers.Dense(1)], name="head")
signal = keras.Input(shape=(256, 2))
s = layers.Conv1D(16, 9, strides=4, activation="relu")(signal)
s = layers.GlobalMaxPooling1D()(s)
score = head(s)
scorer = keras.Model(signal, score)
