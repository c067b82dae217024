from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Conv2D, Dense

digits = load_digits()
X = digits.data.reshape(-1, 8, 8, 1) / 16.0
y = digits.target
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25)

model = Sequential()
model.add(Conv2D(16, (3, 3), activation='relu', input_shape=X_train.shape[1:]))
model.add(Dense(10, activation='softmax'))  # FLT001
model.compile(optimizer='adam', loss='sparse_categorical_crossentropy', metrics=['accuracy'])
model.fit(X_train, y_train, epochs=20)
