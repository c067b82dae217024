import numpy as np
from keras.models import Sequential
from keras.layers import LSTM, Dense

X = np.random.random((300, 7, 4))
y = np.random.random((300, 1))

model = Sequential()
model.add(LSTM(32, input_shape=(X.shape[1], X.shape[2])))
model.add(Dense(1))
model.compile(optimizer='adam', loss='mse')
model.fit(X, y, epochs=10, verbose=0)
