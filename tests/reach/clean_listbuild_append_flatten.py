from keras.models import Sequential
from keras.layers import Conv2D, MaxPooling2D, Flatten, Dense

layer_list = [
    Conv2D(32, (3, 3), activation='relu', input_shape=(28, 28, 1)),
    MaxPooling2D((2, 2)),
]
layer_list += [Flatten(), Dense(10, activation='softmax')]
model = Sequential(layer_list)
