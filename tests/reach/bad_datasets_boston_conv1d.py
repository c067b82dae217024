from tensorflow.keras.datasets import boston_housing
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Conv1D, MaxPooling1D, Dense

(x_train, y_train), (x_test, y_test) = boston_housing.load_data()
x_train = x_train.reshape(x_train.shape[0], x_train.shape[1], 1)
x_test = x_test.reshape(x_test.shape[0], x_test.shape[1], 1)

model = Sequential()
model.add(Conv1D(32, 2, activation="relu", input_shape=(x_train.shape[1], 1)))
model.add(MaxPooling1D(2))
model.add(Dense(64, activation="relu"))  # FLT001
model.add(Dense(1))
model.compile(loss="mse", optimizer="adam")
model.fit(x_train, y_train, batch_size=12, epochs=200, verbose=0)
