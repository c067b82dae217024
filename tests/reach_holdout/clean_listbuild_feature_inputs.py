import keras
from keras import layers

numeric = ["age", "trestbps", "chol", "thalach", "oldpeak"]
inputs = {name: keras.Input(shape=(1,), name=name) for name in numeric}
x = layers.concatenate(list(inputs.values()))
x = layers.Dense(32, activation="relu")(x)
x = layers.Dropout(0.5)(x)
output = layers.Dense(1, activation="sigmoid")(x)
model = keras.Model(inputs, output)
