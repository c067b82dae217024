import keras

M = keras.models
L = keras.layers

net = M.Sequential([
    L.Conv1D(32, 5, activation="relu", input_shape=(256, 2)),
    L.MaxPooling1D(4),
    L.Conv1D(32, 5, activation="relu"),
    L.Dense(8, activation="softmax"),  # FLT001
])
net.compile("adam", "categorical_crossentropy")
