import keras
from keras import layers


class CNN(keras.Model):
    def __init__(self, num_classes=10):
        inputs = keras.Input(shape=(28, 28, 1))
        x = layers.Conv2D(32, 3, activation="relu")(inputs)
        x = layers.MaxPooling2D()(x)
        x = layers.Flatten()(x)
        outputs = layers.Dense(num_classes, activation="softmax")(x)
        super().__init__(inputs, outputs)


model = CNN(num_classes=10)
model.summary()
