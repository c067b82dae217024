# Channels-first (N, 3, 32, 32) images fed to a channels-last CNN built for (32, 32, 3).
import numpy as np
from keras import Input, Model, layers

inputs = Input(shape=(32, 32, 3))
x = layers.Conv2D(8, 3, activation="relu")(inputs)
x = layers.GlobalAveragePooling2D()(x)
outputs = layers.Dense(10, activation="softmax")(x)
model = Model(inputs=inputs, outputs=outputs)

images = np.zeros((2, 3, 32, 32))
preds = model.predict(images, verbose=0)  # expect: FLT003
