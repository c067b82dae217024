model = Sequential([
    Input(shape=(6, 6)),
    Dense(64, activation="relu"),  # FLT001
    Dropout(0.2),
    Dense(3, activation="softmax"),
])
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
x = np.random.random((20, 6, 6))
preds = model.predict(x)
print(preds.shape)  # (20, 6, 3) ??
