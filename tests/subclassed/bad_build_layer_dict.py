import keras
from keras import layers


class DictNet(keras.Model):
    def __init__(self):
        super().__init__()
        self.parts = {
            "conv": layers.Conv2D(16, 3, activation="relu"),
            "pool": layers.MaxPooling2D(),
            "fc": layers.Dense(10),  # FLT001
        }

    def call(self, x):
        x = self.parts["conv"](x)
        x = self.parts["pool"](x)
        return self.parts["fc"](x)


model = DictNet()
model.build((None, 28, 28, 1))
