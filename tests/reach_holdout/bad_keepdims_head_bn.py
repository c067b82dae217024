import keras

model = keras.Sequential()
model.add(keras.layers.Input(shape=(28, 28, 1)))
model.add(keras.layers.Conv2D(16, 3, activation="relu"))
model.add(keras.layers.MaxPooling2D())
model.add(keras.layers.Conv2D(32, 3, activation="relu"))
model.add(keras.layers.GlobalAveragePooling2D(data_format="channels_last", keepdims=True))
model.add(keras.layers.BatchNormalization())
model.add(keras.layers.Dense(32, activation="relu"))  # FLT001
model.add(keras.layers.Dense(10, activation="softmax"))
