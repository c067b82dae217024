import numpy as np
from keras.models import Sequential
from keras.layers import LSTM, Dense

X = np.random.rand(256, 30, 5)
y = np.random.rand(256)

model = Sequential()
model.add(LSTM(50, input_shape=(X.shape[1], X.shape[2])))
model.add(Dense(1))
model.compile(loss='mae', optimizer='adam')
model.fit(X, y, epochs=10, batch_size=72, verbose=0)
