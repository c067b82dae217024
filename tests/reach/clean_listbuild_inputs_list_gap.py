import keras
from keras import layers

inputs = [keras.Input(shape=(16, 16, 3), name=f"view_{i}") for i in range(2)]
x = layers.Concatenate()(inputs)
x = layers.Conv2D(32, 3, activation="relu")(x)
x = layers.GlobalAveragePooling2D()(x)
x = layers.Dense(1, activation="sigmoid")(x)
model = keras.Model(inputs=inputs, outputs=x)
