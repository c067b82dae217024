# Conv1D model over 8 steps x 10 features gets the transposed layout (steps and features swapped).
import numpy as np
from keras.models import Sequential
from keras.layers import Conv1D, Dense, GlobalAveragePooling1D, InputLayer

model = Sequential([
    InputLayer(shape=(8, 10)),
    Conv1D(16, 3, activation="relu"),
    GlobalAveragePooling1D(),
    Dense(1),
])
series = np.zeros((2, 10, 8))
out = model.predict(series, verbose=0)  # expect: FLT003
