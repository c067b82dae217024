# MNIST arrays (n, 28, 28) go straight into a (28, 28, 1) CNN: Keras 3 adds the trailing channel axis itself.
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

digits = np.random.rand(4, 28, 28)
probs = model.predict(digits, verbose=0)
