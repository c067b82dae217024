import keras
from keras import layers


class ConvBlock(layers.Layer):
    def __init__(self, filters, **kwargs):
        super().__init__(**kwargs)
        self.conv = layers.Conv2D(filters, 3, padding="same")
        self.bn = layers.BatchNormalization()
        self.pool = layers.MaxPooling2D()

    def call(self, x, training=False):
        x = self.bn(self.conv(x), training=training)
        return self.pool(keras.ops.relu(x))


model = keras.Sequential([
    keras.Input(shape=(32, 32, 3)),
    ConvBlock(32),
    ConvBlock(64),
    layers.Flatten(),
    layers.Dense(10, activation="softmax"),
])
