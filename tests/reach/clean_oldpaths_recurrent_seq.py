from keras.models import Sequential
from keras.layers.embeddings import Embedding
from keras.layers.recurrent import LSTM
from keras.layers.wrappers import TimeDistributed
from keras.layers.core import Dense

model = Sequential()
model.add(Embedding(10000, 128, input_shape=(50,)))
model.add(LSTM(128, return_sequences=True))
model.add(TimeDistributed(Dense(10000, activation='softmax')))
