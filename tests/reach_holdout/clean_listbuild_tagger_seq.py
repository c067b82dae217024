from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Embedding, LSTM, Dense, Input

vocab, n_tags, maxlen = 10000, 12, 50
stack = [Input(shape=(maxlen,)), Embedding(vocab, 100)]
stack += [LSTM(128, return_sequences=True), LSTM(64, return_sequences=True)]
stack.append(Dense(n_tags, activation="softmax"))
model = Sequential(stack)
