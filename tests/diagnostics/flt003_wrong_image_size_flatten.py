# A Flatten-headed CNN built for 28x28 gets 32x32 images: Flatten yields 3600 features, Dense expects 2704.
import numpy as np
import keras
from keras import layers

model = keras.Sequential([
    keras.Input(shape=(28, 28, 1)),
    layers.Conv2D(4, 3, activation="relu"),
    layers.Flatten(),
    layers.Dense(10, activation="softmax"),
])

x = np.random.random((2, 32, 32, 1))
probs = model.predict(x, verbose=0)  # expect: FLT003
