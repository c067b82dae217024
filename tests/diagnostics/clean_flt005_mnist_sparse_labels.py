# MNIST CNN trained on integer digit labels with sparse_categorical_crossentropy.
import numpy as np
import keras
from keras import layers

x_train = np.random.rand(64, 28, 28, 1).astype("float32")
y_train = np.random.randint(0, 10, size=(64,))

model = keras.Sequential([
    keras.Input(shape=(28, 28, 1)),
    layers.Conv2D(16, 3, activation="relu"),
    layers.MaxPooling2D(),
    layers.Flatten(),
    layers.Dense(10, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(x_train, y_train, batch_size=32, epochs=1, verbose=0)
