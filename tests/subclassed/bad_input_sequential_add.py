import keras
from keras import layers


class Net(keras.Model):
    def __init__(self, num_classes=10):
        super().__init__()
        self.body = keras.Sequential()
        for filters in (32, 64):
            self.body.add(layers.Conv2D(filters, 3, activation="relu"))
            self.body.add(layers.MaxPooling2D())
        self.head = layers.Dense(num_classes, activation="softmax")  # FLT001

    def call(self, x):
        return self.head(self.body(x))


inputs = keras.Input(shape=(32, 32, 3))
model = keras.Model(inputs, Net()(inputs))
