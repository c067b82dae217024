import keras
from keras import layers


class Backbone(keras.Model):
    def __init__(self):
        super().__init__()
        self.block1 = layers.Conv2D(32, 3, strides=2, activation="relu")
        self.block2 = layers.Conv2D(64, 3, strides=2, activation="relu")
        self.embed = layers.Dense(128)  # FLT001

    def call(self, x):
        return self.embed(self.block2(self.block1(x)))


inputs = keras.Input(shape=(32, 32, 3))
x = layers.Rescaling(1.0 / 255)(inputs)
x = Backbone()(x)
outputs = layers.Dense(10, activation="softmax")(x)
model = keras.Model(inputs, outputs)
