import tensorflow as tf
from tensorflow.keras import layers

feature_extractor = [
    layers.Conv2D(16, 3, activation="relu", input_shape=(48, 48, 3)),
    layers.MaxPooling2D(),
    layers.Conv2D(32, 3, activation="relu"),
    layers.MaxPooling2D(),
]
classifier = [
    layers.Dense(64, activation="relu"),  # FLT001
    layers.Dense(3, activation="softmax"),
]
model = tf.keras.Sequential(feature_extractor + classifier)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
