import numpy as np
import keras

accel = np.random.randn(100, 50)
gyro = np.random.randn(100, 50)
X = np.stack([accel, gyro], axis=-1)
y = np.random.randint(0, 4, 100)

model = keras.Sequential([
    keras.layers.Input(shape=X.shape[1:]),
    keras.layers.Dense(32, activation="relu"),  # FLT001
    keras.layers.Dense(4, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(X, y, epochs=5)
