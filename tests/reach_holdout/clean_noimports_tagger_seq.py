# POS tagger: one tag per token, so Dense on every timestep is intended
max_len, vocab_size, n_tags = 40, 5000, 17
model = Sequential()
model.add(Embedding(vocab_size, 64, input_length=max_len))
model.add(Bidirectional(LSTM(64, return_sequences=True)))
model.add(Dense(n_tags, activation='softmax'))
model.compile(optimizer='adam', loss='sparse_categorical_crossentropy')
model.build((None, max_len))
