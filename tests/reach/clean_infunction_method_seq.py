import keras
from keras import layers


class Seq2SeqTagger:
    def __init__(self, vocab=5000, max_len=30, n_tags=8):
        self.vocab, self.max_len, self.n_tags = vocab, max_len, n_tags

    def build(self):
        tokens = keras.Input(shape=(self.max_len,))
        x = layers.Embedding(self.vocab, 64)(tokens)
        x = layers.LSTM(64, return_sequences=True)(x)
        out = layers.Dense(self.n_tags, activation="softmax")(x)
        return keras.Model(tokens, out)


tagger = Seq2SeqTagger().build()
