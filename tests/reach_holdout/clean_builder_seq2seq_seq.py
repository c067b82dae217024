import keras
from keras import layers


def build_seq2seq(n_in, n_out, n_features, units=100):
    model = keras.Sequential()
    model.add(keras.Input(shape=(n_in, n_features)))
    model.add(layers.LSTM(units))
    model.add(layers.RepeatVector(n_out))
    model.add(layers.LSTM(units, return_sequences=True))
    model.add(layers.TimeDistributed(layers.Dense(units // 2, activation="relu")))
    model.add(layers.Dense(n_features))
    return model


model = build_seq2seq(14, 7, 3)
