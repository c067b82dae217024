model = Sequential()
model.add(Flatten(input_shape=(10, 4)))
model.add(Dense(32, activation='relu'))
model.add(Dense(8, activation='relu'))
model.add(Dense(1))
model.compile(loss='mse', optimizer='adam')

X = np.random.rand(50, 10, 4)
print(model.predict(X).shape)
