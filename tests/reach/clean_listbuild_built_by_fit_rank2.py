import numpy as np
from keras.models import Sequential
from keras.layers import Dense

X = np.zeros((32, 30))
y = np.zeros((32, 1))

model = Sequential()
model.add(Dense(16, activation='relu'))
model.add(Dense(1))
model.compile(optimizer='adam', loss='mse')
model.fit(X, y, epochs=1)
