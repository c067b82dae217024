# RGB model (32, 32, 3) gets (4, 32, 32) arrays: the missing last axis is not of size 1, so Keras cannot adapt it.
import numpy as np
from keras import Input, Model, layers

inputs = Input(shape=(32, 32, 3))
x = layers.Conv2D(8, 3, padding="same", activation="relu")(inputs)
x = layers.GlobalAveragePooling2D()(x)
outputs = layers.Dense(2)(x)
model = Model(inputs=inputs, outputs=outputs)

buffer = np.empty((4, 32, 32))
out = model.predict(buffer, verbose=0)  # expect: FLT003
