import numpy as np
from sklearn.model_selection import train_test_split
from tensorflow import keras
from tensorflow.keras import layers

data = np.random.rand(1000, 20, 4)
X = data[:, :, :3]
y = data[:, -1, 3]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42)

inputs = keras.Input(shape=X_train.shape[1:])
x = layers.Dense(32, activation="relu")(inputs)  # FLT001
x = layers.Dense(16, activation="relu")(x)
outputs = layers.Dense(1)(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="mse")
model.fit(X_train, y_train, validation_data=(X_test, y_test), epochs=10)
