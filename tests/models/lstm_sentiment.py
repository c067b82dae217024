"""IMDB-style sentiment models with `import keras.layers as L`."""

import keras
import keras.layers as L

VOCAB = 10000
MAXLEN = 80
UNITS = 64


def stacked_lstm():
    model = keras.Sequential()
    model.add(L.Input(shape=(MAXLEN,)))
    model.add(L.Embedding(VOCAB, 128))
    model.add(L.LSTM(UNITS, dropout=0.2, recurrent_dropout=0.2, return_sequences=True))
    model.add(L.LSTM(UNITS // 2))
    model.add(L.Dense(1, activation="sigmoid"))
    return model


def bidirectional_gru():
    return keras.Sequential([
        L.Embedding(VOCAB, 64, input_shape=(MAXLEN,)),
        L.Bidirectional(L.GRU(32, return_sequences=True)),
        L.Bidirectional(L.GRU(16), merge_mode="sum"),
        L.Dense(UNITS, activation="relu"),
        L.Dropout(0.5),
        L.Dense(1, activation="sigmoid"),
    ])


def simple_rnn():
    model = keras.models.Sequential(name="simple_rnn")
    model.add(L.Embedding(input_dim=VOCAB, output_dim=32))
    model.add(L.SimpleRNN(32))
    model.add(L.Dense(1))
    return model


models = [stacked_lstm(), bidirectional_gru(), simple_rnn()]
