import numpy as np
import keras
from keras import layers

x = np.ones((50, 10, 6))
inputs = keras.Input(shape=x[0].shape)
h = layers.Dense(32, activation="relu")(inputs)  # FLT001
h = layers.Dropout(0.1)(h)
outputs = layers.Dense(2, activation="softmax")(h)
model = keras.Model(inputs, outputs)
print(model.predict(x[:2]).shape)
