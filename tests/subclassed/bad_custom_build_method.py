"""A custom layer that makes its sublayers in build() from the input shape."""
import keras
from keras import layers


class Bottleneck(layers.Layer):
    def __init__(self, expansion=4, **kwargs):
        super().__init__(**kwargs)
        self.expansion = expansion

    def build(self, input_shape):
        channels = input_shape[-1]
        self.expand = layers.Conv2D(channels * self.expansion, 1, activation="relu")
        self.project = layers.Conv2D(channels, 1)
        self.expand.build(input_shape)
        self.project.build(input_shape[:-1] + (channels * self.expansion,))

    def call(self, x):
        return x + self.project(self.expand(x))


inputs = keras.Input((16, 16, 8))
x = layers.Conv2D(8, 3, padding="same")(inputs)
x = Bottleneck()(x)
outputs = layers.Dense(4, activation="softmax")(x)  # FLT001
model = keras.Model(inputs, outputs)
