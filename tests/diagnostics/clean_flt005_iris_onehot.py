# Iris (3 species) one-hot encoded and a 3-unit softmax head.
import numpy as np
from keras.models import Sequential
from keras.layers import Dense
from keras.utils import to_categorical

X = np.random.rand(150, 4)
y = np.random.randint(0, 3, size=(150,))
Y = to_categorical(y, 3)

model = Sequential()
model.add(Dense(8, input_dim=4, activation="relu"))
model.add(Dense(3, activation="softmax"))
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(X, Y, epochs=1, batch_size=10, verbose=0)
