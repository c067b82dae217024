from tensorflow import keras

layers = keras.layers
Sequential = keras.models.Sequential

model = Sequential([
    layers.Conv1D(32, 3, activation="relu", input_shape=(60, 4)),
    layers.Conv1D(32, 3, activation="relu"),
    layers.MaxPooling1D(2),
    layers.Dense(3, activation="softmax"),  # FLT001
])
