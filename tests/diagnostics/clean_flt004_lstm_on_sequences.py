# Stacked LSTMs on (timesteps, features) input: every RNN gets a rank-3 tensor.
from keras.models import Sequential
from keras.layers import LSTM, Dense

model = Sequential()
model.add(LSTM(32, return_sequences=True, input_shape=(20, 4)))
model.add(LSTM(16))
model.add(Dense(1))
