from keras.models import Sequential
from keras.layers import Conv1D, GlobalAveragePooling1D, Dense

model = Sequential()
model.add(Conv1D(64, 5, activation='relu', input_shape=(200, 3)))
model.add(Conv1D(64, 5, activation='relu'))
model.add(GlobalAveragePooling1D())
model.add(Dense(6, activation='softmax'))
