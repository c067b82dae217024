import keras
from keras import layers, ops


class SqueezeExcite(layers.Layer):
    def __init__(self, channels, ratio=4):
        super().__init__()
        self.pool = layers.GlobalAveragePooling2D(keepdims=True)
        self.reduce = layers.Conv2D(channels // ratio, 1, activation="relu")
        self.expand = layers.Conv2D(channels, 1, activation="sigmoid")

    def call(self, x):
        return x * self.expand(self.reduce(self.pool(x)))


inputs = keras.Input(shape=(32, 32, 3))
x = layers.Conv2D(16, 3, strides=2, activation="relu")(inputs)
x = SqueezeExcite(16)(x)
x = ops.relu(x) * 2
outputs = layers.Dense(10, activation="softmax")(x)  # FLT001
model = keras.Model(inputs, outputs)
