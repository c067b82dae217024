from keras.datasets.cifar10 import load_data
from keras.models import Sequential
from keras.layers import Conv2D, MaxPooling2D, Dropout, Dense

(trainX, trainY), (testX, testY) = load_data()
trainX = trainX.astype('float32') / 255.0

model = Sequential()
model.add(Conv2D(32, (3, 3), activation='relu', padding='same', input_shape=trainX.shape[1:]))
model.add(MaxPooling2D((2, 2)))
model.add(Dropout(0.2))
model.add(Dense(10, activation='softmax'))  # FLT001
