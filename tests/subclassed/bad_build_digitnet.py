"""The issue's example: a conv map fed straight to the classifier."""
import keras
from keras import layers


class DigitNet(keras.Model):
    def __init__(self, num_classes=10):
        super().__init__()
        self.conv = layers.Conv2D(32, 3, activation="relu")
        self.pool = layers.MaxPooling2D()
        self.head = layers.Dense(num_classes, activation="softmax")  # FLT001

    def call(self, x):
        return self.head(self.pool(self.conv(x)))


model = DigitNet()
model.build((None, 28, 28, 1))
model.summary()
