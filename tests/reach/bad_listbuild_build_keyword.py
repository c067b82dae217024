import keras

model = keras.Sequential(name="sensor_mlp")
model.add(keras.layers.Dense(64, activation="relu"))  # FLT001
model.add(keras.layers.Dropout(0.3))
model.add(keras.layers.Dense(3, activation="softmax"))
model.build(input_shape=(None, 20, 6))
model.summary()
