import numpy as np
import keras

model = keras.Sequential([
    keras.layers.Conv1D(8, 3, activation="relu"),
    keras.layers.MaxPooling1D(2),
    keras.layers.Dense(1),  # FLT001
])
x = np.zeros((4, 20, 2), dtype="float32")
print(model.predict(x).shape)
