import numpy as np
from keras.models import Sequential
from keras.layers import Dense

X = np.random.random((300, 7, 4)).mean(axis=1)
y = np.random.random((300,))

model = Sequential()
model.add(Dense(16, activation='relu', input_shape=X.shape[1:]))
model.add(Dense(1))
model.compile(optimizer='adam', loss='mse')
model.fit(X, y, epochs=3)
