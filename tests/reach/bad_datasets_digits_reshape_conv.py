from sklearn.datasets import load_digits
from tensorflow.keras import layers, models

X, y = load_digits(return_X_y=True)
X = X.reshape(-1, 8, 8, 1) / 16.0

model = models.Sequential([
    layers.Conv2D(16, (3, 3), activation="relu", input_shape=X.shape[1:]),
    layers.Conv2D(32, (3, 3), activation="relu"),
    layers.Dense(10, activation="softmax"),  # FLT001
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(X, y, epochs=15)
