# Why does my model output 3D predictions? I expected one value per sample.
model = Sequential()
model.add(Dense(32, input_shape=(10, 4), activation='relu'))  # FLT001
model.add(Dense(8, activation='relu'))
model.add(Dense(1))
model.compile(loss='mse', optimizer='adam')

X = np.random.rand(50, 10, 4)
y = np.random.rand(50, 1)
model.fit(X, y, epochs=5, batch_size=8)
print(model.predict(X).shape)
