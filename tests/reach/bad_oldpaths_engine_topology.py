from keras.engine.topology import Input
from keras.models import Model
from keras.layers.convolutional import Conv1D
from keras.layers.pooling import MaxPooling1D
from keras.layers.core import Dense

signal = Input(shape=(500, 1))
h = Conv1D(16, 7, activation='relu')(signal)
h = MaxPooling1D(3)(h)
h = Conv1D(32, 5, activation='relu')(h)
h = MaxPooling1D(3)(h)
pred = Dense(4, activation='softmax')(h)  # FLT001
model = Model(signal, pred)
