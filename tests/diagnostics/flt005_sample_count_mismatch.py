# Features sliced to the first 800 rows, labels left at 1000: x and y disagree on the sample count.
import numpy as np
import keras
from keras import layers

X = np.random.rand(1000, 8)
y = np.random.randint(0, 2, size=(1000,))
X_train = X[:800]

model = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(8, activation="relu"),
                          layers.Dense(1, activation="sigmoid")])
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(X_train, y, epochs=1, verbose=0)  # expect: FLT005
