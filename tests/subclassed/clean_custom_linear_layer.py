"""keras-io "Making new layers and models via subclassing": the Linear layer."""
import keras
from keras import layers, ops


class Linear(layers.Layer):
    def __init__(self, units=32):
        super().__init__()
        self.units = units

    def build(self, input_shape):
        self.w = self.add_weight(shape=(input_shape[-1], self.units),
                                 initializer="random_normal", trainable=True)
        self.b = self.add_weight(shape=(self.units,), initializer="zeros", trainable=True)

    def call(self, inputs):
        return ops.matmul(inputs, self.w) + self.b


class MLPBlock(layers.Layer):
    def __init__(self):
        super().__init__()
        self.linear_1 = Linear(32)
        self.linear_2 = Linear(16)

    def call(self, inputs):
        x = ops.relu(self.linear_1(inputs))
        return ops.relu(self.linear_2(x))


model = keras.Sequential([keras.Input((64,)), MLPBlock(), layers.Dense(1)])
