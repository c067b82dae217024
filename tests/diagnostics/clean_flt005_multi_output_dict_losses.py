# Multi-output model (age regression + gender classification) with a dict of losses and of labels.
import numpy as np
import keras
from keras import layers

inputs = keras.Input(shape=(32,), name="features")
h = layers.Dense(32, activation="relu")(inputs)
age = layers.Dense(1, name="age")(h)
gender = layers.Dense(2, activation="softmax", name="gender")(h)
model = keras.Model(inputs, [age, gender])
model.compile(optimizer="adam",
              loss={"age": "mse", "gender": "sparse_categorical_crossentropy"},
              metrics={"gender": ["accuracy"]})

x = np.random.rand(40, 32)
model.fit(x, {"age": np.random.rand(40), "gender": np.random.randint(0, 2, size=(40,))},
          epochs=1, verbose=0)
