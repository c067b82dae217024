# A shared Dense tower on two inputs of the same width, and on a sequence of that width.
import keras
from keras import layers

left = keras.Input(shape=(16,))
right = keras.Input(shape=(16,))
tokens = keras.Input(shape=(5, 16))
tower = layers.Dense(8, activation="relu")
merged = layers.concatenate([tower(left), tower(right)])
per_token = tower(tokens)
model = keras.Model([left, right, tokens], [merged, per_token])
