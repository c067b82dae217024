# Binary sentiment classifier: one sigmoid unit trained with binary_crossentropy on 0/1 labels.
import numpy as np
import keras
from keras import layers

vocab_size, max_len = 2000, 40
x_train = np.random.randint(0, vocab_size, size=(48, max_len))
y_train = np.random.randint(0, 2, size=(48,))

model = keras.Sequential([
    keras.Input(shape=(max_len,)),
    layers.Embedding(vocab_size, 16),
    layers.GlobalAveragePooling1D(),
    layers.Dense(16, activation="relu"),
    layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(x_train, y_train, epochs=1, batch_size=16, verbose=0)
