import keras

layers = keras.layers
M = keras.models

model = M.Sequential([
    layers.Input(shape=(30,)),
    layers.Dense(64, activation="relu"),
    layers.Dropout(0.3),
    layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["AUC"])
