import numpy as np
from keras.models import Sequential
from keras.layers import Conv1D, MaxPooling1D, Dense

X = np.random.randn(200, 30)
y = np.random.randint(0, 2, 200)
X = np.expand_dims(X, axis=-1)

model = Sequential()
model.add(Conv1D(32, 3, activation='relu', input_shape=(X.shape[1], 1)))
model.add(MaxPooling1D(2))
model.add(Conv1D(16, 3, activation='relu'))
model.add(Dense(1, activation='sigmoid'))  # FLT001
model.compile(loss='binary_crossentropy', optimizer='adam')
model.fit(X, y, epochs=10, batch_size=16)
