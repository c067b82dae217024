import numpy as np
import keras
from keras import layers


class ConvNet(keras.Model):
    def __init__(self):
        super().__init__()
        self.conv1 = layers.Conv2D(16, 3, activation="relu")
        self.pool1 = layers.MaxPooling2D()
        self.flatten = layers.Flatten()
        self.fc = layers.Dense(10, activation="softmax")

    def call(self, x):
        x = self.pool1(self.conv1(x))
        x = self.flatten(x)
        return self.fc(x)


model = ConvNet()
out = model(np.zeros((1, 28, 28, 1), dtype="float32"))
