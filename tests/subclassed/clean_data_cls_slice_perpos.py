"""Per-position projection, then the first token (a CLS slice) feeds the head."""
import numpy as np
import keras
from keras import layers


class TokenClassifier(keras.Model):
    def __init__(self, dim=32, num_classes=3):
        super().__init__()
        self.proj = layers.Dense(dim, activation="gelu")
        self.norm = layers.LayerNormalization()
        self.head = layers.Dense(num_classes)

    def call(self, x):
        x = self.norm(self.proj(x))
        cls = x[:, 0]
        return self.head(cls)


x = np.zeros((4, 16, 8), dtype="float32")
model = TokenClassifier()
y = model(x)
print(y.shape)
