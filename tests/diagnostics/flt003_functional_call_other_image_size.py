# Functional fully-convolutional classifier called directly on 64x64 images: model(x) checks the declared (32, 32, 3).
import numpy as np
import keras
from keras import layers

inputs = keras.Input(shape=(32, 32, 3))
x = layers.Conv2D(8, 3, activation="relu")(inputs)
x = layers.GlobalAveragePooling2D()(x)
outputs = layers.Dense(5, activation="softmax")(x)
classifier = keras.Model(inputs, outputs)

photos = np.random.rand(2, 64, 64, 3)
scores = classifier(photos)  # expect: FLT003
