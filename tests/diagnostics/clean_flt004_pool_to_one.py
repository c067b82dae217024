# Pooling down to exactly 1x1 is still valid: 8 -> 4 -> 2 -> 1.
from keras.models import Sequential
from keras.layers import Conv2D, Dense, Flatten, InputLayer, MaxPooling2D

model = Sequential()
model.add(InputLayer(shape=(8, 8, 3)))
model.add(Conv2D(8, 3, padding="same", activation="relu"))
model.add(MaxPooling2D(2))
model.add(MaxPooling2D(2))
model.add(MaxPooling2D(2))
model.add(Flatten())
model.add(Dense(2, activation="softmax"))
