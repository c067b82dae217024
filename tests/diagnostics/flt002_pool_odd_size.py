# MaxPooling2D floors odd sizes: 14 -> 7 -> 3, the feature extractor test expects a 4x4 map.
import numpy as np
from keras.models import Sequential
from keras.layers import Conv2D, InputLayer, MaxPooling2D

model = Sequential()
model.add(InputLayer(shape=(14, 14, 3)))
model.add(Conv2D(8, 3, padding="same", activation="relu"))
model.add(MaxPooling2D(2))
model.add(MaxPooling2D(2))

x = np.random.rand(2, 14, 14, 3)
features = model.predict(x, verbose=0)
assert features.shape == (2, 4, 4, 8)  # expect: FLT002
