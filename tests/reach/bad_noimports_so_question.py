model = Sequential()
model.add(Dense(16, input_shape=(3, 2)))  # FLT001
model.add(Activation('relu'))
model.add(Dense(4))
model.compile(loss='mean_squared_error', optimizer='SGD')
x = np.array([[[1, 2], [3, 4], [5, 6]]])
y = model.predict(x)
print(y.shape)
