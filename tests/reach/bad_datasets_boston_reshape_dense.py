from keras.datasets import boston_housing
from keras.models import Sequential
from keras.layers import Dense

(x_train, y_train), (x_test, y_test) = boston_housing.load_data()
x_train = x_train.reshape(-1, 13, 1)

model = Sequential()
model.add(Dense(32, activation='relu', input_shape=x_train.shape[1:]))  # FLT001
model.add(Dense(1))
model.compile(loss='mse', optimizer='adam')
model.fit(x_train, y_train, epochs=100)
