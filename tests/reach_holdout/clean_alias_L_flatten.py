import tensorflow as tf

L = tf.keras.layers

inputs = L.Input(shape=(32, 32, 3))
x = L.Conv2D(32, 3, activation="relu")(inputs)
x = L.MaxPool2D()(x)
x = L.Conv2D(64, 3, activation="relu")(x)
x = L.MaxPool2D()(x)
x = L.Flatten()(x)
x = L.Dense(64, activation="relu")(x)
outputs = L.Dense(10)(x)
model = tf.keras.Model(inputs, outputs)
