# pima indians diabetes, 8 input columns
model = Sequential()
model.add(Dense(12, input_dim=8, activation='relu'))
model.add(Dense(8, activation='relu'))
model.add(Dense(1, activation='sigmoid'))
model.compile(loss='binary_crossentropy', optimizer='adam', metrics=['accuracy'])
X = np.random.rand(100, 8)
y = (np.random.rand(100) > 0.5).astype(int)
model.fit(X, y, epochs=10, batch_size=10)
