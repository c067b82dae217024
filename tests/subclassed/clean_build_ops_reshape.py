import keras
from keras import layers, ops


class Net(keras.Model):
    def __init__(self):
        super().__init__()
        self.conv = layers.Conv2D(16, 3, strides=2, padding="same")
        self.fc1 = layers.Dense(32, activation="relu")
        self.fc2 = layers.Dense(10)

    def call(self, x):
        x = ops.relu(self.conv(x))
        x = ops.reshape(x, (-1, 8 * 8 * 16))
        return self.fc2(self.fc1(x))


model = Net()
model.build((None, 16, 16, 1))
