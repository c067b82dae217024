# MNIST digits kept as flat 784-vectors are fed to a CNN that expects (28, 28, 1) images.
import numpy as np
import keras
from keras import layers

model = keras.Sequential([
    keras.Input(shape=(28, 28, 1)),
    layers.Conv2D(8, 3, activation="relu"),
    layers.MaxPooling2D(),
    layers.Flatten(),
    layers.Dense(10, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")

digits = np.random.rand(4, 784)
probs = model.predict(digits, verbose=0)  # expect: FLT003
