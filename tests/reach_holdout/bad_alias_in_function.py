import keras


def make_model():
    kl = keras.layers
    km = keras.models
    model = km.Sequential()
    model.add(kl.Conv1D(32, 5, activation="relu", input_shape=(100, 1)))
    model.add(kl.MaxPooling1D(2))
    model.add(kl.Conv1D(32, 5, activation="relu"))
    model.add(kl.Dense(1, activation="sigmoid"))  # FLT001
    return model


model = make_model()
model.compile(loss="binary_crossentropy", optimizer="rmsprop")
