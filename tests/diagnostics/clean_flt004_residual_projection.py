# ResNet block with a 1x1 projection shortcut, so both branches have 64 channels before add.
import keras
from keras import layers

inputs = keras.Input(shape=(16, 16, 32))
x = layers.Conv2D(64, 3, padding="same", activation="relu")(inputs)
x = layers.Conv2D(64, 3, padding="same")(x)
shortcut = layers.Conv2D(64, 1)(inputs)
x = layers.add([x, shortcut])
x = layers.Activation("relu")(x)
model = keras.Model(inputs, x)
