# Digit CNN whose head forgot Flatten: the (None, 13, 13, 10) output cannot take one-hot (n, 10) labels.
import numpy as np
import keras
from keras import layers

x_train = np.random.rand(32, 28, 28, 1)
y_train = keras.utils.to_categorical(np.random.randint(0, 10, size=(32,)), 10)

model = keras.Sequential([
    keras.Input(shape=(28, 28, 1)),
    layers.Conv2D(8, 3, activation="relu"),
    layers.MaxPooling2D(),
    layers.Dense(10, activation="softmax"),
])
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit(x_train, y_train, epochs=1, verbose=0)  # expect: FLT005
