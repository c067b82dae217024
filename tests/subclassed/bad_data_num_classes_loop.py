import numpy as np
import keras
from keras import layers


class Backbone(keras.Model):
    def __init__(self, widths=(16, 32, 64), num_classes=10):
        super().__init__()
        self.stages = [layers.Conv2D(w, 3, strides=2, padding="same", activation="relu")
                       for w in widths]
        self.head = layers.Dense(num_classes)  # FLT001

    def call(self, x):
        for stage in self.stages:
            x = stage(x)
        return self.head(x)


images = np.ones((2, 64, 64, 3), "float32")
model = Backbone(widths=[8, 16], num_classes=3)
logits = model(images)
