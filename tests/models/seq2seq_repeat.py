"""A small LSTM encoder-decoder for sequence-to-sequence addition."""

from keras.models import Sequential
from keras import layers

DIGITS = 3
MAXLEN = DIGITS + 1 + DIGITS
CHARS = 12
HIDDEN_SIZE = 128
NUM_DECODER_LAYERS = 1

model = Sequential()
model.add(layers.LSTM(HIDDEN_SIZE, input_shape=(MAXLEN, CHARS)))
model.add(layers.RepeatVector(DIGITS + 1))
for _ in range(NUM_DECODER_LAYERS):
    model.add(layers.LSTM(HIDDEN_SIZE, return_sequences=True))
model.add(layers.TimeDistributed(layers.Dense(CHARS, activation="softmax")))


def gru_autoencoder(timesteps=30, features=4):
    # static-gaps: timesteps/features are parameters, so the input shape is unknown.
    net = Sequential([
        layers.Input(shape=(timesteps, features)),
        layers.GRU(32),
        layers.RepeatVector(timesteps),
        layers.GRU(32, return_sequences=True),
        layers.TimeDistributed(layers.Dense(features)),
    ])
    return net


net = gru_autoencoder()
