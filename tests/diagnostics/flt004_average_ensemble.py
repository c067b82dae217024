# Ensemble of two heads averaged together, but one head predicts 10 classes and the other 5.
from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(shape=(32,))
head_a = layers.Dense(10, activation="softmax")(inputs)
head_b = layers.Dense(5, activation="softmax")(inputs)
avg = layers.Average()([head_a, head_b])  # expect: FLT004
ensemble = keras.Model(inputs, avg)
