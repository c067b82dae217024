from keras.models import Model
from keras.layers import Input, Embedding, Bidirectional, LSTM, Dense


def build_tagger(vocab_size, max_len, n_tags):
    words = Input(shape=(max_len,))
    x = Embedding(vocab_size, 100)(words)
    x = Bidirectional(LSTM(64, return_sequences=True))(x)
    out = Dense(n_tags, activation="softmax")(x)
    return Model(words, out)


tagger = build_tagger(20000, 50, 9)
