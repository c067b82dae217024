import keras
from keras import layers

model = keras.Sequential()
model.add(keras.Input(shape=(64, 64, 3)))
for filters in [32, 64, 128]:
    model.add(layers.Conv2D(filters, 3, padding="same", activation="relu"))
    model.add(layers.MaxPooling2D())
model.add(layers.Flatten())
model.add(layers.Dense(256, activation="relu"))
model.add(layers.Dense(2, activation="softmax"))
