import numpy as np
import keras
from keras import layers


class FeatureExtractor(keras.Model):
    def __init__(self):
        super().__init__()
        self.conv = layers.Conv2D(16, 3, activation="relu")
        self.pool = layers.MaxPooling2D()

    def call(self, x):
        return self.pool(self.conv(x))


class Classifier(FeatureExtractor):
    def __init__(self, num_classes=10):
        super().__init__()
        self.head = layers.Dense(num_classes, activation="softmax")  # FLT001

    def call(self, x):
        features = super().call(x)
        return self.head(features)


batch = np.zeros((4, 32, 32, 3), dtype="float32")
model = Classifier(num_classes=4)
print(model(batch).shape)
