# Adding a per-sample context vector (None, 16) to every step of a sequence (None, 10, 16): Add broadcasts ranks.
from keras import Input, Model, layers

tokens = Input(shape=(10,), dtype="int32")
context = Input(shape=(5,))
seq = layers.Embedding(300, 16)(tokens)
ctx = layers.Dense(16)(context)
conditioned = layers.Add()([seq, ctx])
out = layers.LSTM(8)(conditioned)
model = Model([tokens, context], out)
assert model.output_shape == (None, 8)
