import keras
from keras import layers


class VGGish(keras.Model):
    def __init__(self):
        super().__init__()
        self.c1 = layers.Conv2D(16, 3, activation="relu", padding="same")
        self.c2 = layers.Conv2D(16, 3, activation="relu", padding="same")
        self.p = layers.MaxPooling2D()
        self.fc1 = layers.Dense(64, activation="relu")  # FLT001
        self.fc2 = layers.Dense(2, activation="softmax")

    def extract(self, x):
        x = self.c1(x)
        x = self.c2(x)
        return self.p(x)

    def classify(self, x):
        return self.fc2(self.fc1(x))

    def call(self, x):
        return self.classify(self.extract(x))


model = VGGish()
model.build((None, 64, 64, 3))
