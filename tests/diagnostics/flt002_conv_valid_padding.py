# Segmentation net: Conv2D defaults to padding="valid", so the 28x28 mask comes out 26x26.
from keras import Input, Model, layers

inputs = Input(shape=(28, 28, 1))
x = layers.Conv2D(16, 3, activation="relu")(inputs)
x = layers.Conv2D(16, 1, activation="relu")(x)
mask = layers.Conv2D(1, 1, activation="sigmoid")(x)
model = Model(inputs, mask)

assert model.output_shape == (None, 28, 28, 1)  # expect: FLT002
