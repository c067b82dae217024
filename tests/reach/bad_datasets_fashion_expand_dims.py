import numpy as np
from tensorflow import keras

(X_train, y_train), (X_test, y_test) = keras.datasets.fashion_mnist.load_data()
X_train = np.expand_dims(X_train, -1) / 255.0

model = keras.models.Sequential([
    keras.layers.Conv2D(64, 7, activation="relu", padding="same", input_shape=X_train.shape[1:]),
    keras.layers.MaxPooling2D(2),
    keras.layers.Conv2D(128, 3, activation="relu", padding="same"),
    keras.layers.MaxPooling2D(2),
    keras.layers.Dense(64, activation="relu"),  # FLT001
    keras.layers.Dropout(0.5),
    keras.layers.Dense(10, activation="softmax"),
])
