import keras
from keras import layers


class Net(keras.Model):
    def __init__(self, channels=16, num_classes=10):
        super().__init__()
        self.conv = layers.Conv2D(channels, 5, activation="relu")
        self.pool = layers.AveragePooling2D(2)
        self.bn = layers.BatchNormalization()
        self.logits = layers.Dense(num_classes)  # FLT001

    def call(self, x, training=False):
        x = self.pool(self.conv(x))
        x = self.bn(x, training=training)
        return self.logits(x)


model = Net(channels=8)
model(keras.Input(shape=(64, 64, 3)))
model.summary()
