import keras
from keras import layers


class DigitNet(keras.Model):
    def __init__(self, num_classes=10):
        super().__init__()
        self.conv = layers.Conv2D(32, 3, activation="relu")
        self.pool = layers.MaxPooling2D()
        self.flatten = layers.Flatten()
        self.head = layers.Dense(num_classes, activation="softmax")

    def call(self, x):
        x = self.pool(self.conv(x))
        return self.head(self.flatten(x))


outputs = DigitNet()(keras.Input((28, 28, 1)))
