# Functional text model declared for 20 tokens is trained on 25-token batches: fit checks the declared input shape.
import numpy as np
from keras import Input, Model, layers

MAX_LEN = 20

tokens = Input(shape=(MAX_LEN,), dtype="int32")
x = layers.Embedding(1000, 8)(tokens)
x = layers.GlobalAveragePooling1D()(x)
outputs = layers.Dense(1, activation="sigmoid")(x)
model = Model(tokens, outputs)
model.compile(optimizer="adam", loss="binary_crossentropy")

x_train = np.random.randint(0, 1000, size=(4, 25))
y_train = np.zeros((4, 1))
model.fit(x_train, y_train, epochs=1, verbose=0)  # expect: FLT003
