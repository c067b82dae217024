import tensorflow.keras.layers as L
from tensorflow.keras.models import Sequential

model = Sequential()
model.add(L.Conv2D(16, (3, 3), activation="relu", input_shape=(64, 64, 1)))
model.add(L.MaxPool2D((2, 2)))
model.add(L.Conv2D(32, (3, 3), activation="relu"))
model.add(L.MaxPool2D((2, 2)))
model.add(L.Dense(2, activation="softmax"))  # FLT001
model.compile(loss="sparse_categorical_crossentropy", optimizer="adam")
