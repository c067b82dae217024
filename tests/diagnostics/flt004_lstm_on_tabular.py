# LSTM as first layer of a tabular model: input_shape=(20,) has no time axis (LSTM needs (timesteps, features)).
from keras.models import Sequential
from keras.layers import LSTM, Dense

model = Sequential([
    LSTM(32, input_shape=(20,)),  # expect: FLT004
    Dense(1, activation="sigmoid"),
])
