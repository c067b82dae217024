# The loss depends on a flag (a compile inside a branch): not followed, and this run trains fine.
import numpy as np
import keras
from keras import layers

ONE_HOT = False
x = np.random.rand(30, 10)
y = np.random.randint(0, 3, size=(30,))

model = keras.Sequential([keras.Input(shape=(10,)), layers.Dense(3, activation="softmax")])
if ONE_HOT:
    model.compile(optimizer="adam", loss="categorical_crossentropy")
    y = keras.utils.to_categorical(y, 3)
else:
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(x, y, epochs=1, verbose=0)
