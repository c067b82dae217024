import keras
from keras import layers

KEEP_DIMS = False

model = keras.Sequential([
    keras.Input(shape=(48, 48, 3)),
    layers.Conv2D(16, 3, activation="relu"),
    layers.GlobalMaxPooling2D(keepdims=KEEP_DIMS),
    layers.Dense(3, activation="softmax"),
])
