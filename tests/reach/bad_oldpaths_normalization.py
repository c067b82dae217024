from keras.models import Sequential
from keras.layers.convolutional import Conv2D, ZeroPadding2D
from keras.layers.normalization import BatchNormalization
from keras.layers.pooling import MaxPooling2D
from keras.layers.core import Dense, Activation

model = Sequential()
model.add(ZeroPadding2D((1, 1), input_shape=(48, 48, 1)))
model.add(Conv2D(32, (3, 3)))
model.add(BatchNormalization())
model.add(Activation('relu'))
model.add(MaxPooling2D((2, 2)))
model.add(Dense(7))  # FLT001
model.add(Activation('softmax'))
