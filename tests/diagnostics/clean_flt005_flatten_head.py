# Digit CNN with Flatten before its head: the (None, 10) output takes one-hot (n, 10) labels.
import numpy as np
import keras
from keras import layers

x_train = np.random.rand(32, 28, 28, 1)
y_train = keras.utils.to_categorical(np.random.randint(0, 10, size=(32,)), 10)

model = keras.Sequential([
    keras.Input(shape=(28, 28, 1)),
    layers.Conv2D(8, 3, activation="relu"),
    layers.MaxPooling2D(),
    layers.Flatten(),
    layers.Dense(10, activation="softmax"),
])
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit(x_train, y_train, epochs=1, verbose=0)
