from keras.datasets import mnist
from keras.models import Sequential
from keras.layers import Dense

(x_train, y_train), _ = mnist.load_data()
x_train = x_train.reshape(len(x_train), -1) / 255.0

model = Sequential()
model.add(Dense(128, activation='relu'))
model.add(Dense(10, activation='softmax'))
model.compile(optimizer='adam', loss='sparse_categorical_crossentropy')
model.fit(x_train, y_train, epochs=1)
