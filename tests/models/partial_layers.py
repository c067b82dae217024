"""Layer classes with arguments bound by functools.partial (hands-on ML's DefaultConv2D),
and a custom layer whose call returns its input (a layer that only adds a loss)."""

from functools import partial

import keras
from keras import layers

DefaultConv2D = partial(layers.Conv2D, kernel_size=3, padding="same", activation="relu",
                        kernel_initializer="he_normal")

model = keras.Sequential([
    DefaultConv2D(filters=64, kernel_size=7, input_shape=[28, 28, 1]),
    layers.MaxPool2D(),
    DefaultConv2D(filters=128),
    DefaultConv2D(128),
    layers.MaxPool2D(),
    layers.Flatten(),
    layers.Dense(units=64, activation="relu"),
    layers.Dense(units=10, activation="softmax"),
])


class ActivityRegularizationLayer(layers.Layer):
    def call(self, inputs):
        self.add_loss(keras.ops.sum(inputs) * 0.1)
        return inputs  # Pass-through layer.


inputs = keras.Input(shape=(784,), name="digits")
x = layers.Dense(64, activation="relu", name="dense_1")(inputs)
x = ActivityRegularizationLayer()(x)
x = layers.Dense(64, activation="relu", name="dense_2")(x)
outputs = layers.Dense(10, name="predictions")(x)
regularized = keras.Model(inputs=inputs, outputs=outputs)
