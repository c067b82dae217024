# VGG-style stack for 28x28 digits with one pooling too many: 28 -> 14 -> 7 -> 3 -> 1 -> 0.
from keras.models import Sequential
from keras.layers import Conv2D, Dense, Flatten, MaxPooling2D

model = Sequential()
model.add(Conv2D(8, (3, 3), padding="same", activation="relu", input_shape=(28, 28, 1)))
model.add(MaxPooling2D((2, 2)))
model.add(Conv2D(16, (3, 3), padding="same", activation="relu"))
model.add(MaxPooling2D((2, 2)))
model.add(Conv2D(32, (3, 3), padding="same", activation="relu"))
model.add(MaxPooling2D((2, 2)))
model.add(MaxPooling2D((2, 2)))
model.add(MaxPooling2D((2, 2)))  # expect: FLT004
model.add(Flatten())
model.add(Dense(10, activation="softmax"))
