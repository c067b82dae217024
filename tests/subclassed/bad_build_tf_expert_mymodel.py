"""TensorFlow 2 "expert" quickstart, with the Flatten left out."""
import tensorflow as tf
from tensorflow.keras import Model
from tensorflow.keras.layers import Conv2D, Dense


class MyModel(Model):
    def __init__(self):
        super().__init__()
        self.conv1 = Conv2D(32, 3, activation="relu")
        self.d1 = Dense(128, activation="relu")  # FLT001
        self.d2 = Dense(10)

    def call(self, x):
        x = self.conv1(x)
        x = self.d1(x)
        return self.d2(x)


model = MyModel()
model.build((None, 28, 28, 1))
