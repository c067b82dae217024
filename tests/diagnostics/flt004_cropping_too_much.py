# Cropping 5 pixels from each side of an 8x8 feature map leaves nothing.
from keras import Input, Model, layers

inputs = Input(shape=(8, 8, 3))
x = layers.Conv2D(8, 3, padding="same", activation="relu")(inputs)
x = layers.Cropping2D(cropping=((5, 5), (5, 5)))(x)  # expect: FLT004
x = layers.GlobalAveragePooling2D()(x)
outputs = layers.Dense(1)(x)
model = Model(inputs, outputs)
