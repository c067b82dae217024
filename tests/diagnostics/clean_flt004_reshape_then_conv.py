# Flat 784-pixel input reshaped to (28, 28, 1) before the Conv2D, so the conv gets rank 4.
import keras
from keras import layers

inputs = keras.Input(shape=(784,))
x = layers.Reshape((28, 28, 1))(inputs)
x = layers.Conv2D(8, 3, activation="relu")(x)
x = layers.GlobalAveragePooling2D()(x)
outputs = layers.Dense(10, activation="softmax")(x)
model = keras.Model(inputs=inputs, outputs=outputs)
