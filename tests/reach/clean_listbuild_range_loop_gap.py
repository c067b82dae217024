import keras
from keras import layers

model = keras.Sequential([keras.Input(shape=(128, 3))])
for i in range(3):
    model.add(layers.Conv1D(32 * (i + 1), 3, padding="same", activation="relu"))
    model.add(layers.MaxPooling1D(2))
model.add(layers.GlobalMaxPooling1D())
model.add(layers.Dense(5, activation="softmax"))
