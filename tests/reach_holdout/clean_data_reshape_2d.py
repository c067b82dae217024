import numpy as np
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Dense

images = np.random.rand(120, 16, 16)
X = images.reshape(len(images), -1)
y = np.random.randint(0, 3, 120)

model = Sequential()
model.add(Dense(128, input_dim=X.shape[1], activation='relu'))
model.add(Dense(3, activation='softmax'))
model.compile(loss='sparse_categorical_crossentropy', optimizer='sgd')
model.fit(X, y, epochs=5)
