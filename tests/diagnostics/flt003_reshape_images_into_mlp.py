# A dense MLP for flattened 784-pixel digits is fed images reshaped to (4, 28, 28) instead of (4, 784).
import numpy as np
from keras.models import Sequential
from keras.layers import Dense, Dropout, Input

model = Sequential()
model.add(Input(shape=(784,)))
model.add(Dense(32, activation="relu"))
model.add(Dropout(0.2))
model.add(Dense(10, activation="softmax"))

x = np.random.rand(4, 784).reshape(4, 28, 28)
probs = model.predict(x, verbose=0)  # expect: FLT003
