# CNN for RGB 28x28 images evaluated on a matching (4, 28, 28, 3) batch.
import numpy as np
from keras.models import Sequential
from keras.layers import Conv2D, Dense, Flatten, MaxPooling2D

model = Sequential()
model.add(Conv2D(8, (3, 3), activation="relu", input_shape=(28, 28, 3)))
model.add(MaxPooling2D((2, 2)))
model.add(Flatten())
model.add(Dense(10, activation="softmax"))
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])

x_test = np.ones((4, 28, 28, 3))
y_test = np.zeros((4,))
model.evaluate(x_test, y_test, verbose=0)
