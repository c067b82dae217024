import numpy as np
import keras
from keras import layers

inputs = keras.Input(shape=(10, 10, 3))
x = layers.Conv2D(8, 3, activation="relu")(inputs)
x = layers.MaxPooling2D()(x)
x = layers.Flatten()(x)
outputs = layers.Dense(4, activation="softmax")(x)
model = keras.Model(inputs, outputs)


def evaluate_batch(batch):
    return model.predict(batch, verbose=0).argmax(axis=-1)


print(evaluate_batch(np.zeros((3, 10, 10, 3), dtype="float32")).shape)
