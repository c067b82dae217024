"""Siamese network (keras-io style): the embedding net forgot its Flatten."""
import keras
from keras import layers, ops


class Embedding(keras.Model):
    def __init__(self, dim=64):
        super().__init__()
        self.conv1 = layers.Conv2D(32, 3, activation="relu")
        self.pool = layers.MaxPooling2D()
        self.conv2 = layers.Conv2D(64, 3, activation="relu")
        self.proj = layers.Dense(dim)  # FLT001

    def call(self, x):
        x = self.pool(self.conv1(x))
        return self.proj(self.conv2(x))


embedding = Embedding()
left = keras.Input((28, 28, 1))
right = keras.Input((28, 28, 1))
distance = layers.Lambda(lambda t: ops.abs(t[0] - t[1]))([embedding(left), embedding(right)])
score = layers.Dense(1, activation="sigmoid")(distance)
siamese = keras.Model([left, right], score)
