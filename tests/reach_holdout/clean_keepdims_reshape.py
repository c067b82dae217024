from keras.models import Sequential
from keras.layers import Conv1D, GlobalAveragePooling1D, Reshape, Dense

model = Sequential()
model.add(Conv1D(64, 7, activation='relu', input_shape=(187, 1)))
model.add(GlobalAveragePooling1D(keepdims=True))
model.add(Reshape((64,)))
model.add(Dense(5, activation='softmax'))
