# Bidirectional LSTM concatenates both directions: 2 * 32 = 64 features, the sentiment test expects 32.
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(15,), dtype="int32"),
    layers.Embedding(1000, 16),
    layers.Bidirectional(layers.LSTM(32)),
])
reviews = np.random.randint(0, 1000, size=(2, 15))
encoded = model.predict(reviews, verbose=0)
assert encoded.shape == (2, 32)  # expect: FLT002
