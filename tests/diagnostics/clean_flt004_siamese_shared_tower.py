# Siamese network with one shared tower: both embeddings are 32-wide, so Subtract is fine.
import numpy as np
import keras
from keras import layers

tower = keras.Sequential([
    keras.Input(shape=(28, 28, 1)),
    layers.Flatten(),
    layers.Dense(32, activation="relu"),
])
left = keras.Input(shape=(28, 28, 1))
right = keras.Input(shape=(28, 28, 1))
diff = layers.Subtract()([tower(left), tower(right)])
score = layers.Dense(1, activation="sigmoid")(diff)
siamese = keras.Model([left, right], score)

pairs = np.zeros((2, 28, 28, 1))
siamese.predict([pairs, pairs], verbose=0)
