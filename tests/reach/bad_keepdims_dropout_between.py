from tensorflow import keras
from tensorflow.keras import layers

base = keras.Sequential([
    layers.Input(shape=(224, 224, 3)),
    layers.Conv2D(16, 3, strides=2, activation="relu"),
    layers.Conv2D(32, 3, strides=2, activation="relu"),
    layers.BatchNormalization(),
])
model = keras.Sequential([
    base,
    layers.GlobalAveragePooling2D(keepdims=True),
    layers.Dropout(0.2),
    layers.Dense(5, activation="softmax"),  # FLT001
])
