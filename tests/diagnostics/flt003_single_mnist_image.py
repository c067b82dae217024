# One digit (28, 28, 1) passed without a batch axis: Keras reads it as 28 images of 28x1 and the 3x3 conv fails.
import numpy as np
from keras.models import Sequential
from keras.layers import Conv2D, Dense, Flatten, Input

model = Sequential([
    Input(shape=(28, 28, 1)),
    Conv2D(8, (3, 3), activation="relu"),
    Flatten(),
    Dense(10, activation="softmax"),
])
digit = np.zeros((28, 28, 1))
probs = model.predict(digit, verbose=0)  # expect: FLT003
