import numpy as np
from tensorflow.keras import Sequential
from tensorflow.keras.layers import Conv1D, MaxPooling1D, Dense

signals = np.random.rand(256, 64).astype(np.float32)
signals = signals[:, :, None]
train = signals[:200]

model = Sequential()
model.add(Conv1D(8, 5, activation="relu", input_shape=train.shape[1:]))
model.add(MaxPooling1D(4))
model.add(Dense(2, activation="softmax"))  # FLT001
