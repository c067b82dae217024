import keras
from keras.datasets import mnist

train, test = mnist.load_data()
x_train, y_train = train
x_test, y_test = test

inputs = keras.Input(shape=x_train[0].shape)
h = keras.layers.Dense(256, activation="relu")(inputs)  # FLT001
h = keras.layers.Dense(10, activation="softmax")(h)
model = keras.Model(inputs, h)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
