import keras
from keras import layers


class Classifier(keras.Model):
    def __init__(self, num_classes=10):
        super().__init__()
        self.features = keras.Sequential([
            layers.Conv2D(32, 3, activation="relu"),
            layers.MaxPooling2D(),
            layers.Conv2D(64, 3, activation="relu"),
            layers.MaxPooling2D(),
            layers.Flatten(),
        ])
        self.head = keras.Sequential([
            layers.Dense(128, activation="relu"),
            layers.Dropout(0.5),
            layers.Dense(num_classes, activation="softmax"),
        ])

    def call(self, x):
        return self.head(self.features(x))


model = Classifier(num_classes=10)
model.build(input_shape=(None, 32, 32, 3))
