"""Sequence taggers: masked embeddings, bidirectional RNNs, per-token softmax."""

import keras
from keras import layers

VOCAB_SIZE = 5000
MAX_TOKENS = 60
N_TAGS = 17
EMB = 50


def bilstm_tagger():
    model = keras.Sequential()
    model.add(keras.Input(shape=(MAX_TOKENS,)))
    model.add(layers.Embedding(VOCAB_SIZE + 1, EMB, mask_zero=True))
    model.add(layers.SpatialDropout1D(0.1))
    model.add(layers.Bidirectional(layers.LSTM(100, return_sequences=True, recurrent_dropout=0.1)))
    model.add(layers.Bidirectional(layers.LSTM(50, return_sequences=True), merge_mode="ave"))
    model.add(layers.TimeDistributed(layers.Dense(N_TAGS, activation="softmax")))
    return model


def rnn_tagger():
    model = keras.Sequential([
        keras.Input(shape=(MAX_TOKENS,)),
        layers.Embedding(VOCAB_SIZE, EMB),
        layers.SimpleRNN(64, return_sequences=True),
        layers.GRU(32, return_sequences=True, go_backwards=True),
        layers.Dense(N_TAGS, activation="softmax"),  # per token on purpose
    ])
    return model


def concat_bidir():
    return keras.Sequential([
        keras.Input(shape=(MAX_TOKENS, EMB)),
        layers.Bidirectional(layers.SimpleRNN(8), merge_mode="mul"),
        layers.Dense(2),
    ])


taggers = (bilstm_tagger(), rnn_tagger(), concat_bidir())
