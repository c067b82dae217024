import numpy as np
from keras.models import Sequential
from keras.layers import Dense

X_train = np.random.random((300, 7, 4))
y_train = np.random.random((300, 1))

model = Sequential()
model.add(Dense(64, activation='relu', input_shape=(X_train.shape[1], X_train.shape[2])))  # FLT001
model.add(Dense(32, activation='relu'))
model.add(Dense(1))
model.compile(optimizer='adam', loss='mse')
model.fit(X_train, y_train, epochs=20, batch_size=32, verbose=0)
