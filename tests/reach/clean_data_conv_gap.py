import numpy as np
import keras
from keras import layers

imgs = np.random.rand(64, 28, 28)[..., np.newaxis].astype("float32")

model = keras.Sequential([
    layers.Input(shape=imgs.shape[1:]),
    layers.Conv2D(8, 3, activation="relu"),
    layers.MaxPooling2D(2),
    layers.GlobalAveragePooling2D(),
    layers.Dense(10, activation="softmax"),
])
print(model.predict(imgs[:4]).shape)
