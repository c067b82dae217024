vocab_size, n_tags, max_len = 5000, 17, 75
model = Sequential()
model.add(Embedding(input_dim=vocab_size, output_dim=50, input_length=max_len))
model.add(Bidirectional(LSTM(units=100, return_sequences=True, recurrent_dropout=0.1)))
model.add(TimeDistributed(Dense(50, activation="relu")))
model.add(Dense(n_tags, activation="softmax"))
model.compile(optimizer="rmsprop", loss="categorical_crossentropy")
model.build((None, max_len))
