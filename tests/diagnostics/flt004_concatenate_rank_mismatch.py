# Multi-input model concatenating a sequence (None, 8, 16) with a flat metadata vector (None, 16).
from keras import Input, Model
from keras.layers import Concatenate, Dense, Embedding, LSTM

tokens = Input(shape=(8,), dtype="int32")
meta = Input(shape=(4,))
seq = Embedding(100, 16)(tokens)
meta_vec = Dense(16, activation="relu")(meta)
merged = Concatenate()([seq, meta_vec])  # expect: FLT004
out = LSTM(8)(merged)
model = Model(inputs=[tokens, meta], outputs=out)
