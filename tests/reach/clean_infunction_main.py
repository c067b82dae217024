import numpy as np
from keras.models import Sequential
from keras.layers import Conv2D, MaxPooling2D, Dense, Flatten


def main():
    x_train = np.random.rand(16, 28, 28, 1)
    y_train = np.random.randint(0, 10, 16)
    model = Sequential()
    model.add(Conv2D(32, (3, 3), activation='relu', input_shape=(28, 28, 1)))
    model.add(MaxPooling2D(pool_size=(2, 2)))
    model.add(Flatten())
    model.add(Dense(10, activation='softmax'))
    model.compile(loss='sparse_categorical_crossentropy', optimizer='adam')
    model.fit(x_train, y_train, epochs=3)


if __name__ == '__main__':
    main()
