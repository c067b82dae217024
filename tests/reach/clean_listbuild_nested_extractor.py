from tensorflow import keras
from tensorflow.keras import layers

feature_extractor = keras.Sequential([
    layers.Conv2D(16, 3, activation="relu"),
    layers.MaxPooling2D(),
    layers.Conv2D(32, 3, activation="relu"),
    layers.GlobalAveragePooling2D(),
])
model = keras.Sequential([
    keras.Input(shape=(32, 32, 3)),
    feature_extractor,
    layers.Dense(10, activation="softmax"),
])
