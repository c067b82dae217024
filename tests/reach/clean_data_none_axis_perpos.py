import numpy as np
from keras.models import Sequential
from keras.layers import Dense

X = np.random.random((300, 7, 4))

model = Sequential()
model.add(Dense(16, activation='relu', input_shape=(None, X.shape[2])))
model.add(Dense(1))
model.compile(optimizer='adam', loss='mse')
