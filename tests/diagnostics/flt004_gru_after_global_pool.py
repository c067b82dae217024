# Global pooling already removed the time axis, so the GRU after it gets rank-2 input.
from keras import Input, Model, layers

tokens = Input(shape=(50,), dtype="int32")
x = layers.Embedding(2000, 16)(tokens)
x = layers.Conv1D(32, 3, activation="relu")(x)
x = layers.GlobalMaxPooling1D()(x)
x = layers.GRU(16)(x)  # expect: FLT004
outputs = layers.Dense(1, activation="sigmoid")(x)
model = Model(tokens, outputs)
