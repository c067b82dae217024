# A test asserting the symbolic output of a CNN without Flatten: model.output.shape is rank 4.
import keras
from keras import layers

inputs = keras.Input(shape=(28, 28, 1))
x = layers.Conv2D(8, 3, activation="relu")(inputs)
x = layers.MaxPooling2D()(x)
outputs = layers.Dense(10, activation="softmax")(x)
model = keras.Model(inputs, outputs)
assert model.output.shape == (None, 10)  # expect: FLT002
