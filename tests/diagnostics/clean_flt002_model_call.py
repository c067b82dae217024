# Text encoder called directly; global pooling removes the sequence axis, so codes are (2, 8).
import numpy as np
from keras import Input, Model
from keras.layers import Dense, Embedding, GlobalAveragePooling1D

tokens = Input(shape=(20,), dtype="int32")
embedded = Embedding(input_dim=500, output_dim=8)(tokens)
pooled = GlobalAveragePooling1D()(embedded)
codes = Dense(8, activation="tanh")(pooled)
encoder = Model(inputs=tokens, outputs=codes)

batch = np.random.randint(0, 500, size=(2, 20))
y = encoder(batch)
assert y.shape == (2, 8)
