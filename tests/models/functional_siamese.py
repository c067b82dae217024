"""Siamese networks: the same layers (or the same model) applied to two inputs."""

import keras
from keras import layers
from keras.models import Model, Sequential

MAX_LEN = 30
VOCAB = 8000

# Question-pair duplicate detection: layers created first, then called on both sides.
q1 = keras.Input(shape=(MAX_LEN,), name="question1")
q2 = keras.Input(shape=(MAX_LEN,), name="question2")
embedding = layers.Embedding(VOCAB, 64)
encoder = layers.LSTM(48)
dense = layers.Dense(32, activation="relu")
left = dense(encoder(embedding(q1)))
right = dense(encoder(embedding(q2)))
difference = layers.Subtract()([left, right])
product = layers.Multiply()([left, right])
features = layers.Concatenate()([left, right, difference, product])
features = layers.Dense(64, activation="relu")(features)
is_duplicate = layers.Dense(1, activation="sigmoid")(features)
quora = Model(inputs=[q1, q2], outputs=is_duplicate, name="quora_siamese")

# Image similarity: a Sequential embedding tower shared by both images.
tower = Sequential(
    [
        keras.Input(shape=(28, 28, 1)),
        layers.Conv2D(32, 3, activation="relu"),
        layers.MaxPooling2D(),
        layers.Conv2D(64, 3, activation="relu"),
        layers.GlobalAveragePooling2D(),
        layers.Dense(48),
    ],
    name="embedding_tower",
)
image_a = keras.Input(shape=(28, 28, 1))
image_b = keras.Input(shape=(28, 28, 1))
emb_a = tower(image_a)
emb_b = tower(image_b)
gap = layers.Subtract()([emb_a, emb_b])
gap = layers.Dense(16, activation="relu")(gap)
same = layers.Dense(1, activation="sigmoid")(gap)
siamese = Model([image_a, image_b], same)

# Triplet embedding model: one shared functional encoder over three inputs.
sample = keras.Input(shape=(40,))
z = layers.Dense(64, activation="relu")(sample)
z = layers.Dense(16)(z)
embedder = Model(sample, z, name="embedder")

anchor = keras.Input(shape=(40,), name="anchor")
positive = keras.Input(shape=(40,), name="positive")
negative = keras.Input(shape=(40,), name="negative")
stacked = layers.Concatenate(axis=-1)([embedder(anchor), embedder(positive), embedder(negative)])
triplet = Model(inputs=[anchor, positive, negative], outputs=stacked, name="triplet")
