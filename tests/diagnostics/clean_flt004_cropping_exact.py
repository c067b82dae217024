# Cropping 3 pixels from each side of an 8x8 map leaves 2x2, which is fine.
from keras import Input, Model, layers

inputs = Input(shape=(8, 8, 3))
x = layers.Conv2D(8, 3, padding="same", activation="relu")(inputs)
x = layers.Cropping2D(cropping=((3, 3), (3, 3)))(x)
x = layers.Flatten()(x)
outputs = layers.Dense(1)(x)
model = Model(inputs, outputs)
assert model.output_shape == (None, 1)
