# ResNet block whose shortcut skips the projection: adding 32 input channels to 64 conv channels.
import keras
from keras import layers

inputs = keras.Input(shape=(16, 16, 32))
x = layers.Conv2D(64, 3, padding="same", activation="relu")(inputs)
x = layers.Conv2D(64, 3, padding="same")(x)
x = layers.add([x, inputs])  # expect: FLT004
x = layers.Activation("relu")(x)
model = keras.Model(inputs, x)
