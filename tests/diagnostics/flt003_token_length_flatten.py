# Text classifier with Embedding + Flatten built for 20 tokens gets sequences padded to 25.
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

padded = np.random.randint(0, 1000, size=(4, 25))
scores = model.predict(padded, verbose=0)  # expect: FLT003
