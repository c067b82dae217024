import numpy as np
import keras
from keras import layers

imgs = np.random.rand(64, 28, 28)[..., np.newaxis].astype("float32")
lbls = np.random.randint(0, 10, 64)

model = keras.Sequential([
    layers.Input(shape=imgs.shape[1:]),
    layers.Conv2D(8, 3, activation="relu"),
    layers.MaxPooling2D(2),
    layers.Conv2D(16, 3, activation="relu"),
    layers.MaxPooling2D(2),
    layers.Dense(10, activation="softmax"),  # FLT001
])
model.compile("adam", "sparse_categorical_crossentropy")
model.fit(imgs, lbls, epochs=3)
