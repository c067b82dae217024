# CIFAR-10 CNN: labels one-hot encoded with to_categorical and compiled with categorical_crossentropy.
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

x_train = np.random.rand(32, 32, 32, 3).astype("float32")
y_train = np.random.randint(0, 10, size=(32, 1))
y_train = keras.utils.to_categorical(y_train, 10)

model = keras.Sequential([
    layers.Conv2D(32, (3, 3), activation="relu", input_shape=(32, 32, 3)),
    layers.MaxPooling2D((2, 2)),
    layers.Conv2D(32, (3, 3), activation="relu"),
    layers.GlobalAveragePooling2D(),
    layers.Dense(10, activation="softmax"),
])
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(x_train, y_train, epochs=1, verbose=0)
