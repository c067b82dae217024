"""Functional models spelled the TensorFlow 2 tutorial way (tf.keras, tensorflow.keras)."""

import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

IMG_HEIGHT = 64
IMG_WIDTH = 64
NUM_CLASSES = 5

# tf.keras everywhere, as in the TF "Load images" / "Image classification" tutorials.
image = tf.keras.Input(shape=(IMG_HEIGHT, IMG_WIDTH, 3))
net = tf.keras.layers.Conv2D(16, 3, padding="same", activation="relu")(image)
net = tf.keras.layers.MaxPooling2D()(net)
net = tf.keras.layers.Conv2D(32, 3, padding="same", activation="relu")(net)
net = tf.keras.layers.MaxPooling2D()(net)
net = tf.keras.layers.Conv2D(64, 3, padding="same", activation="relu")(net)
net = tf.keras.layers.MaxPooling2D()(net)
net = tf.keras.layers.Flatten()(net)
net = tf.keras.layers.Dense(128, activation="relu")(net)
flowers = tf.keras.Model(inputs=image, outputs=tf.keras.layers.Dense(NUM_CLASSES)(net))

# `from tensorflow import keras` with keras.layers spelled out.
features = keras.layers.Input(shape=(13,), name="features")
hidden = keras.layers.Dense(64, activation="relu")(features)
hidden = keras.layers.Dropout(0.2)(hidden)
hidden = keras.layers.Dense(32, activation="relu")(hidden)
price = keras.layers.Dense(1, name="price")(hidden)
housing = keras.models.Model(features, price, name="boston_housing")
housing.compile(optimizer="rmsprop", loss="mse", metrics=["mae"])

# `from tensorflow.keras import layers` with keras.Model.
sequence = keras.Input(shape=(100, 8))
s = layers.Conv1D(32, 5, activation="relu")(sequence)
s = layers.MaxPooling1D(2)(s)
s = layers.Conv1D(64, 5, activation="relu")(s)
s = layers.GlobalMaxPooling1D()(s)
s = layers.Dense(3, activation="softmax")(s)
activity = keras.Model(sequence, s)
