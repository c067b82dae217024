# Flat 784-pixel digits reshaped to (n, 28, 28, 1) before the CNN sees them.
import numpy as np
from keras import Input, Model, layers

inputs = Input(shape=(28, 28, 1))
x = layers.Conv2D(8, 3, activation="relu")(inputs)
x = layers.Flatten()(x)
outputs = layers.Dense(10, activation="softmax")(x)
model = Model(inputs=inputs, outputs=outputs)

flat = np.random.rand(4, 784)
images = flat.reshape(4, 28, 28, 1)
probs = model.predict(images, verbose=0)
