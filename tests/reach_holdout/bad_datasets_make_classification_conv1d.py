from sklearn.datasets import make_classification
from keras.models import Sequential
from keras.layers import Conv1D, Dense

X, y = make_classification(n_samples=500, n_features=20, n_informative=8, random_state=0)
X = X.reshape(X.shape[0], X.shape[1], 1)

model = Sequential()
model.add(Conv1D(32, 3, activation='relu', input_shape=(X.shape[1], 1)))
model.add(Conv1D(16, 3, activation='relu'))
model.add(Dense(1, activation='sigmoid'))  # FLT001
model.compile(loss='binary_crossentropy', optimizer='adam')
model.fit(X, y, epochs=10, batch_size=16)
