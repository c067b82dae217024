"""The Dense lives inside a custom head layer that forgot to flatten."""
import keras
from keras import layers


class ClassifierHead(layers.Layer):
    def __init__(self, num_classes, **kwargs):
        super().__init__(**kwargs)
        self.drop = layers.Dropout(0.3)
        self.fc = layers.Dense(num_classes, activation="softmax")  # FLT001

    def call(self, x, training=None):
        return self.fc(self.drop(x, training=training))


model = keras.Sequential([
    keras.Input((28, 28, 1)),
    layers.Conv2D(16, 3, activation="relu"),
    layers.MaxPooling2D(),
    ClassifierHead(10),
])
