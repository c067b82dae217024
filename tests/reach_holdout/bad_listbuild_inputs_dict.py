import keras
from keras import layers

sensors = ["temperature", "humidity", "pressure"]
inputs = {name: keras.Input(shape=(24, 1), name=name) for name in sensors}
x = layers.Concatenate()(list(inputs.values()))
x = layers.Dense(64, activation="relu")(x)  # FLT001
output = layers.Dense(1, name="forecast")(x)
model = keras.Model(inputs=inputs, outputs=output)
model.compile(optimizer="adam", loss="mse")
