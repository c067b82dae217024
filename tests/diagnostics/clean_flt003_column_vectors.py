# A (4, 10, 1) table of column vectors fed to a (10,)-feature MLP: Keras 3 squeezes the trailing 1.
import numpy as np
import keras
from keras import layers

model = keras.Sequential([
    keras.Input(shape=(10,)),
    layers.Dense(16, activation="relu"),
    layers.Dense(1),
])
x = np.zeros((4, 10, 1))
y = model.predict(x, verbose=0)
