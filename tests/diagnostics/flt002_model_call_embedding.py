# Calling a text encoder directly: the Embedding keeps the sequence axis, so codes are (2, 20, 8), not (2, 8).
import numpy as np
from keras import Input, Model
from keras.layers import Dense, Embedding

tokens = Input(shape=(20,), dtype="int32")
embedded = Embedding(input_dim=500, output_dim=8)(tokens)
codes = Dense(8, activation="tanh")(embedded)
encoder = Model(inputs=tokens, outputs=codes)

batch = np.random.randint(0, 500, size=(2, 20))
y = encoder(batch)
assert y.shape == (2, 8)  # expect: FLT002
