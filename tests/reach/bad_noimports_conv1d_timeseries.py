n_steps, n_features = 100, 1
model = Sequential()
model.add(Conv1D(filters=64, kernel_size=3, activation='relu', input_shape=(n_steps, n_features)))
model.add(MaxPooling1D(pool_size=2))
model.add(Dense(50, activation='relu'))  # FLT001
model.add(Dense(1))
model.compile(optimizer='adam', loss='mse')
