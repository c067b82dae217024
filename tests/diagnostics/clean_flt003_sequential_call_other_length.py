# Sequential text model with global pooling, declared for 20 tokens, called directly on 25-token batches.
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(20,)),
    layers.Embedding(1000, 8),
    layers.GlobalAveragePooling1D(),
    layers.Dense(1, activation="sigmoid"),
])
batch = np.random.randint(0, 1000, size=(2, 25))
scores = model(batch)
