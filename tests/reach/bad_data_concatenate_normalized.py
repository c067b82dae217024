import numpy as np
import keras

raw_a = np.random.randint(0, 255, (60, 16, 16))
raw_b = np.random.randint(0, 255, (40, 16, 16))
raw = np.concatenate([raw_a, raw_b], axis=0)
X = (raw.astype("float32") - 127.5) / 127.5

model = keras.Sequential()
model.add(keras.layers.Dense(32, activation="relu", input_shape=X.shape[1:]))  # FLT001
model.add(keras.layers.Dense(1, activation="sigmoid"))
model.compile(optimizer="adam", loss="binary_crossentropy")
