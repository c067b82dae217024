import numpy as np
from keras.models import Sequential
from keras.layers import Dense

X = np.random.random((300, 7, 4))
y = np.random.random((300, 1))

model = Sequential()
model.add(Dense(64, activation='relu', input_shape=(X.shape[1], X.shape[2])))  # FLT001
model.add(Dense(32, activation='relu'))
model.add(Dense(1))
model.compile(optimizer='adam', loss='mse')
model.fit(X, y, epochs=50, batch_size=32, verbose=0)
