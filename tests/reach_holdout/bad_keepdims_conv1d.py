from keras.models import Sequential
from keras.layers import Conv1D, GlobalAveragePooling1D, Dense

model = Sequential()
model.add(Conv1D(64, 7, activation='relu', input_shape=(187, 1)))
model.add(Conv1D(64, 7, activation='relu'))
model.add(GlobalAveragePooling1D(keepdims=True))
model.add(Dense(64, activation='relu'))  # FLT001
model.add(Dense(5, activation='softmax'))
model.compile(optimizer='adam', loss='sparse_categorical_crossentropy')
