"""Models whose input nothing in the file states (data read at run time), an operation
the static side does not know between layers, and augmented assignments: the shapes that
do not depend on what is unknown are still stated (after a Flatten, a global pooling or
an RNN of an unknown input; before the unknown operation)."""
# static-gaps: inputs read at run time; keras.ops.max between layers

import numpy as np
import keras
from keras import layers

# The sizes come from data the linter cannot read (here: parsed from text at run time).
image_shape = tuple(int(part) for part in "28 28 1".split())
images = np.zeros((2,) + image_shape, dtype="float32")
tokens = np.zeros((2, int("12")), dtype="int32")

cnn = keras.Sequential([
    layers.Conv2D(16, 3, activation="relu"),
    layers.MaxPooling2D(),
    layers.Conv2D(32, 3, activation="relu"),
    layers.Flatten(),
    layers.Dense(64, activation="relu"),
    layers.Dropout(0.5),
    layers.Dense(10, activation="softmax"),
])
cnn.predict(images, verbose=0)

pooled = keras.Sequential([
    layers.Conv2D(8, 3),
    layers.GlobalAveragePooling2D(),
    layers.Dense(4),
])
pooled.predict(images, verbose=0)

text = keras.Sequential([
    layers.Embedding(100, 8),
    layers.Bidirectional(layers.LSTM(6)),
    layers.Dense(3, activation="softmax"),
])
text.predict(tokens, verbose=0)

gru = keras.Sequential([layers.Embedding(100, 8), layers.GRU(5), layers.Dense(1)])
gru.predict(tokens, verbose=0)

# A dueling head: the operation between layers is unknown, the layers before it are not.
inputs = keras.Input(shape=(20,))
hidden = layers.Dense(16, activation="relu")(inputs)
values = layers.Dense(1)(hidden)
advantages = layers.Dense(4)(hidden)
q_values = values + (advantages - keras.ops.max(advantages, axis=1, keepdims=True))
dueling = keras.Model(inputs, q_values)

# Augmented assignments: x += shortcut, filters *= 2 in a loop.
inputs = keras.Input(shape=(100,))
x = layers.Dense(32, activation="relu")(inputs)
shortcut = x
x = layers.Dense(32, activation="relu")(x)
x += shortcut
h = layers.Reshape((10, 10, 1))(inputs)
filters = 4
for _ in range(2):
    h = layers.Conv2D(filters, 3)(h)
    filters *= 2
h = layers.Flatten()(h)
x = layers.Concatenate()([x, h])
outputs = layers.Dense(10)(x)
residual = keras.Model(inputs, outputs)
