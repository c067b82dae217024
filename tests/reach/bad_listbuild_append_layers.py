from keras.models import Sequential
from keras.layers import Conv2D, MaxPooling2D, Dense

layer_list = [
    Conv2D(32, (3, 3), activation='relu', input_shape=(28, 28, 1)),
    MaxPooling2D((2, 2)),
]
layer_list.append(Conv2D(64, (3, 3), activation='relu'))
layer_list.append(MaxPooling2D((2, 2)))
layer_list.append(Dense(10, activation='softmax'))  # FLT001
model = Sequential(layer_list)
