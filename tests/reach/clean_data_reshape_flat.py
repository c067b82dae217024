import numpy as np
from keras.models import Sequential
from keras.layers import Dense

X = np.random.random((300, 7, 4)).reshape(300, -1)
y = np.random.randint(0, 2, 300)

model = Sequential()
model.add(Dense(32, activation='relu', input_dim=X.shape[1]))
model.add(Dense(1, activation='sigmoid'))
model.compile(loss='binary_crossentropy', optimizer='rmsprop')
model.fit(X, y, epochs=10)
