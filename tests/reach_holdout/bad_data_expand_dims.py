import numpy as np
from keras.models import Sequential
from keras.layers import Conv1D, MaxPooling1D, Dense, Dropout

signals = np.random.randn(500, 40)
labels = np.random.randint(0, 2, 500)
X = np.expand_dims(signals, axis=-1)

model = Sequential()
model.add(Conv1D(16, kernel_size=5, activation='relu', input_shape=X.shape[1:]))
model.add(MaxPooling1D(2))
model.add(Dropout(0.3))
model.add(Dense(1, activation='sigmoid'))  # FLT001
model.compile(optimizer='adam', loss='binary_crossentropy', metrics=['accuracy'])
model.fit(X, labels, epochs=5, batch_size=32)
