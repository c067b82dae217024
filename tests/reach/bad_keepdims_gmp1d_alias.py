import keras

inp = keras.Input(shape=(100,), dtype="int32")
x = keras.layers.Embedding(20000, 128)(inp)
x = keras.layers.Conv1D(128, 7, padding="valid", activation="relu", strides=3)(x)
x = keras.layers.Conv1D(128, 7, padding="valid", activation="relu", strides=3)(x)
x = keras.layers.GlobalMaxPool1D(keepdims=True)(x)
x = keras.layers.Dense(128, activation="relu")(x)  # FLT001
x = keras.layers.Dropout(0.5)(x)
predictions = keras.layers.Dense(1, activation="sigmoid", name="predictions")(x)
model = keras.Model(inp, predictions)
