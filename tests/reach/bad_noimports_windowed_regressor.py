look_back = 10
model = Sequential()
model.add(Dense(32, input_shape=(look_back, 4), activation='relu'))  # FLT001
model.add(Dense(16, activation='relu'))
model.add(Dense(1))
model.compile(loss='mean_squared_error', optimizer='adam')
trainX = np.random.random((100, look_back, 4))
trainY = np.random.random((100, 1))
model.fit(trainX, trainY, epochs=100, batch_size=1, verbose=2)
