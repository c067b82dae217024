"""Old tutorial style: star imports from tensorflow.keras."""

from tensorflow.keras.models import *
from tensorflow.keras.layers import *

ROWS, COLS = 32, 32


def lenet():
    model = Sequential()
    model.add(Conv2D(6, kernel_size=(5, 5), activation="tanh", input_shape=(ROWS, COLS, 1)))
    model.add(AveragePooling2D(pool_size=(2, 2), strides=(2, 2)))
    model.add(Conv2D(16, kernel_size=(5, 5), activation="tanh"))
    model.add(AveragePooling2D(pool_size=(2, 2), strides=(2, 2)))
    model.add(Conv2D(120, kernel_size=(5, 5), activation="tanh"))
    model.add(Flatten())
    model.add(Dense(84, activation="tanh"))
    model.add(Dense(10, activation="softmax"))
    return model


net = lenet()
