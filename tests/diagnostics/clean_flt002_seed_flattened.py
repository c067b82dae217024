# The README example fixed with Flatten: predict on one (3, 2) sample gives (1, 4) as asserted.
import numpy as np
from keras.models import Sequential
from keras.layers import Activation, Dense, Flatten

model = Sequential()
model.add(Flatten(input_shape=(3, 2)))
model.add(Dense(16))
model.add(Activation('relu'))
model.add(Dense(4))
x = np.array([[[1, 2], [3, 4], [5, 6]]])
assert model.predict(x, verbose=0).shape == (1, 4)
