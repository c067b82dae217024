# Tabular MLP declared with 10 features, trained on a table with only 8 columns.
import numpy as np
import keras
from keras import layers

model = keras.Sequential([
    keras.Input(shape=(10,)),
    layers.Dense(16, activation="relu"),
    layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy")

x_train = np.random.randn(4, 8)
y_train = np.random.randint(0, 2, size=(4, 1))
model.fit(x_train, y_train, epochs=1, verbose=0)  # expect: FLT003
