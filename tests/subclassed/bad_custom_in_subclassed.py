import keras
from keras import layers


class DownBlock(layers.Layer):
    def __init__(self, filters):
        super().__init__()
        self.conv = layers.Conv2D(filters, 3, padding="same", activation="relu")
        self.pool = layers.MaxPooling2D(2)

    def call(self, x):
        return self.pool(self.conv(x))


class Net(keras.Model):
    def __init__(self, num_classes=10):
        super().__init__()
        self.blocks = [DownBlock(16), DownBlock(32), DownBlock(64)]
        self.head = layers.Dense(num_classes)  # FLT001

    def call(self, x):
        for block in self.blocks:
            x = block(x)
        return self.head(x)


model = Net()
model.build((None, 64, 64, 3))
