from keras.models import Sequential
from keras.layers import Conv2D, MaxPooling2D, Dense


def build_model(input_shape, n_classes):
    model = Sequential()
    model.add(Conv2D(32, (3, 3), activation='relu', input_shape=input_shape))
    model.add(MaxPooling2D((2, 2)))
    model.add(Conv2D(64, (3, 3), activation='relu'))
    model.add(MaxPooling2D((2, 2)))
    model.add(Dense(n_classes, activation='softmax'))  # FLT001
    model.compile(optimizer='adam', loss='categorical_crossentropy', metrics=['accuracy'])
    return model


model = build_model((28, 28, 1), 10)
model.summary()
