from sklearn.datasets import load_iris
from keras.models import Sequential
from keras.layers import Dense

X, y = load_iris(return_X_y=True)

model = Sequential()
model.add(Dense(10, activation='relu', input_shape=(X.shape[1],)))
model.add(Dense(3, activation='softmax'))
model.compile(loss='sparse_categorical_crossentropy', optimizer='adam')
model.fit(X, y, epochs=100, batch_size=5)
