import keras
from keras import layers


class Tagger(keras.Model):
    def __init__(self, vocab=5000, tags=12):
        super().__init__()
        self.embed = layers.Embedding(vocab, 64, mask_zero=True)
        self.rnn = layers.Bidirectional(layers.LSTM(32, return_sequences=True))
        self.tag = layers.Dense(tags, activation="softmax")

    def call(self, x):
        return self.tag(self.rnn(self.embed(x)))


words = keras.Input(shape=(40,), dtype="int32")
tags = Tagger()(words)
model = keras.Model(words, tags)
