from keras.models import Sequential
from keras.layers import Conv2D, MaxPooling2D, Flatten, Dense


def build_model(input_shape, n_classes):
    model = Sequential()
    model.add(Conv2D(32, (3, 3), activation='relu', input_shape=input_shape))
    model.add(MaxPooling2D((2, 2)))
    model.add(Flatten())
    model.add(Dense(n_classes, activation='softmax'))
    return model


model = build_model((28, 28, 1), 10)
