# Squeeze-excite style pooling with keepdims=True keeps the 1x1 spatial axes: (None, 1, 1, 16), not (None, 16).
import keras
from keras import layers

inputs = keras.Input(shape=(16, 16, 3))
x = layers.Conv2D(16, 3, padding="same", activation="relu")(inputs)
squeezed = layers.GlobalAveragePooling2D(keepdims=True)(x)
model = keras.Model(inputs, squeezed)

assert model.output_shape == (None, 16)  # expect: FLT002
