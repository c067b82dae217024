import keras

(x_train, y_train), (x_test, y_test) = keras.datasets.california_housing.load_data()
x_train = x_train[..., None]

model = keras.Sequential([
    keras.layers.Input(shape=x_train.shape[1:]),
    keras.layers.Conv1D(16, 3, activation="relu"),
    keras.layers.Conv1D(16, 3, activation="relu"),
    keras.layers.Dense(1),  # FLT001
])
model.compile(optimizer="adam", loss="mse")
