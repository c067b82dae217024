"""MNIST and CIFAR-10 convnets written with the functional API (keras-io style)."""

import keras
from keras import layers

NUM_CLASSES = 10
INPUT_SHAPE = (28, 28, 1)

# Simple MNIST convnet, functional version.
inputs = keras.Input(shape=INPUT_SHAPE)
x = layers.Conv2D(32, kernel_size=(3, 3), activation="relu")(inputs)
x = layers.MaxPooling2D(pool_size=(2, 2))(x)
x = layers.Conv2D(64, kernel_size=(3, 3), activation="relu")(x)
x = layers.MaxPooling2D(pool_size=(2, 2))(x)
x = layers.Flatten()(x)
x = layers.Dropout(0.5)(x)
outputs = layers.Dense(NUM_CLASSES, activation="softmax")(x)
model = keras.Model(inputs, outputs, name="mnist_convnet")
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])

# The "Functional API" guide's MLP on flattened digits.
digits = keras.Input(shape=(784,), name="img")
h = layers.Dense(64, activation="relu")(digits)
h = layers.Dense(64, activation="relu")(h)
logits = layers.Dense(10)(h)
mlp = keras.Model(inputs=digits, outputs=logits, name="mnist_model")
mlp.summary()

# CIFAR-10 head with global pooling instead of Flatten.
cifar_in = keras.Input(shape=(32, 32, 3), name="cifar_image")
c = layers.Rescaling(1.0 / 255)(cifar_in)
c = layers.Conv2D(32, 3, padding="same", activation="relu")(c)
c = layers.Conv2D(32, 3, activation="relu")(c)
c = layers.MaxPooling2D()(c)
c = layers.Conv2D(64, 3, padding="same", activation="relu")(c)
c = layers.Conv2D(64, 3, activation="relu")(c)
c = layers.MaxPooling2D()(c)
c = layers.BatchNormalization()(c)
c = layers.GlobalAveragePooling2D()(c)
c = layers.Dense(128, activation="relu")(c)
cifar_out = layers.Dense(NUM_CLASSES, activation="softmax")(c)
cifar = keras.models.Model(inputs=cifar_in, outputs=cifar_out, name="cifar_gap")
