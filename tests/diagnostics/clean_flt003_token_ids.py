# Text classifier with Embedding + Flatten fed token ids padded to exactly its 20 positions.
import numpy as np
from keras.models import Sequential
from keras.layers import Dense, Embedding, Flatten, Input

MAX_LEN = 20

model = Sequential([
    Input(shape=(MAX_LEN,)),
    Embedding(1000, 8),
    Flatten(),
    Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy")

padded = np.random.randint(0, 1000, size=(4, MAX_LEN))
scores = model.predict(padded, verbose=0)
