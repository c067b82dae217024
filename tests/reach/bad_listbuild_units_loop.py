import keras

model = keras.Sequential()
model.add(keras.layers.Input(shape=(12, 5)))
for units in [64, 32]:
    model.add(keras.layers.Dense(units, activation="relu"))  # FLT001
model.add(keras.layers.Dense(1))
