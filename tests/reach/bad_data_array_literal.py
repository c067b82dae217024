import numpy as np
from keras.models import Sequential
from keras.layers import Dense

x = np.array([[[0.1, 0.2], [0.3, 0.4]],
              [[0.5, 0.6], [0.7, 0.8]],
              [[0.9, 1.0], [1.1, 1.2]]])
y = np.array([0, 1, 1])

model = Sequential()
model.add(Dense(8, activation='relu', input_shape=x.shape[1:]))  # FLT001
model.add(Dense(1, activation='sigmoid'))
model.compile(loss='binary_crossentropy', optimizer='adam')
print(model.predict(x).shape)
