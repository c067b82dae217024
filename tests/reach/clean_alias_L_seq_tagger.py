import keras

L = keras.layers

tokens = L.Input(shape=(40,), dtype="int32")
x = L.Embedding(8000, 64)(tokens)
x = L.Bidirectional(L.LSTM(64, return_sequences=True))(x)
tags = L.Dense(12, activation="softmax")(x)
tagger = keras.Model(tokens, tags)
