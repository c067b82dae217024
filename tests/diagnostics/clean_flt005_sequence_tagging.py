# Per-token tagger: LSTM(return_sequences=True) gives (None, 12, 5) and the labels are one tag per token.
import numpy as np
import keras
from keras import layers

x = np.random.randint(0, 500, size=(24, 12))
y = np.random.randint(0, 5, size=(24, 12))

model = keras.Sequential([
    keras.Input(shape=(12,)),
    layers.Embedding(500, 16),
    layers.LSTM(16, return_sequences=True),
    layers.Dense(5, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(x, y, epochs=1, verbose=0)
