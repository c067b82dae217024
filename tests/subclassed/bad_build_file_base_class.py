import keras.models
from keras import layers


class BaseModel(keras.models.Model):
    """Shared plumbing, as projects write it."""

    def get_config(self):
        return {"name": self.name}


class LeNet(BaseModel):
    def __init__(self, num_classes=10):
        super().__init__()
        self.c1 = layers.Conv2D(6, 5, activation="tanh")
        self.s2 = layers.AveragePooling2D(2)
        self.c3 = layers.Conv2D(16, 5, activation="tanh")
        self.s4 = layers.AveragePooling2D(2)
        self.f5 = layers.Dense(120, activation="tanh")  # FLT001
        self.f6 = layers.Dense(84, activation="tanh")
        self.out = layers.Dense(num_classes, activation="softmax")

    def call(self, x):
        x = self.s2(self.c1(x))
        x = self.s4(self.c3(x))
        return self.out(self.f6(self.f5(x)))


lenet = LeNet()
lenet.build((None, 32, 32, 1))
