import keras
from keras import layers

inputs = keras.Input(shape=(96, 96, 3))
x = layers.Conv2D(32, 3, strides=2, padding="same")(inputs)
x = layers.BatchNormalization()(x)
x = layers.Activation("relu")(x)
x = layers.SeparableConv2D(64, 3, padding="same")(x)
x = layers.GlobalMaxPooling2D(keepdims=True)(x)
x = layers.Dropout(0.3)(x)
outputs = layers.Dense(1, activation="sigmoid")(x)  # FLT001
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="binary_crossentropy")
