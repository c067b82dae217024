import tensorflow as tf
from tensorflow.keras import layers

inputs = tf.keras.Input(shape=(128, 128, 3))
x = layers.Conv2D(32, 3, strides=2, padding="same", activation="relu")(inputs)
x = layers.Conv2D(64, 3, strides=2, padding="same", activation="relu")(x)
x = layers.GlobalMaxPooling2D(keepdims=True)(x)
x = layers.Dense(128, activation="relu")(x)  # FLT001
outputs = layers.Dense(1, activation="sigmoid")(x)
model = tf.keras.Model(inputs, outputs)
