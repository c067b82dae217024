# Text CNN copied from an image model: MaxPooling2D after a Conv1D gets a rank-3 (batch, steps, channels) tensor.
import keras
from keras import layers

model = keras.Sequential([
    keras.Input(shape=(100,)),
    layers.Embedding(5000, 16),
    layers.Conv1D(32, 5, activation="relu"),
    layers.MaxPooling2D(2),  # expect: FLT004
    layers.Flatten(),
    layers.Dense(1, activation="sigmoid"),
])
