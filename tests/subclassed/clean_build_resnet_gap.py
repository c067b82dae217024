import keras
from keras import layers


class ResidualNet(keras.Model):
    def __init__(self, width=32, num_classes=10):
        super().__init__()
        self.stem = layers.Conv2D(width, 3, padding="same")
        self.conv1 = layers.Conv2D(width, 3, padding="same", activation="relu")
        self.conv2 = layers.Conv2D(width, 3, padding="same")
        self.bn = layers.BatchNormalization()
        self.gap = layers.GlobalAveragePooling2D()
        self.fc = layers.Dense(num_classes)

    def call(self, x, training=False):
        x = self.stem(x)
        shortcut = x
        x = self.conv2(self.conv1(x))
        x = self.bn(x, training=training)
        x = keras.ops.relu(x + shortcut)
        return self.fc(self.gap(x))


model = ResidualNet(num_classes=10)
model.build((None, 32, 32, 3))
