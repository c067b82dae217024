import numpy as np
import keras
from keras import layers


class ConvNet(keras.Model):
    def __init__(self):
        super().__init__()
        self.conv1 = layers.Conv2D(16, 3, activation="relu")
        self.pool1 = layers.MaxPooling2D()
        self.conv2 = layers.Conv2D(32, 3, activation="relu")
        self.pool2 = layers.MaxPooling2D()
        self.fc = layers.Dense(10, activation="softmax")  # FLT001

    def call(self, x):
        x = self.pool1(self.conv1(x))
        x = self.pool2(self.conv2(x))
        return self.fc(x)


model = ConvNet()
out = model(np.zeros((1, 28, 28, 1), dtype="float32"))
print(out.shape)
