"""Hand-written single-head attention with keras.ops, pooled before the head."""
import keras
from keras import layers, ops


class AttentionPool(keras.Model):
    def __init__(self, dim=16, num_classes=3):
        super().__init__()
        self.q = layers.Dense(dim)
        self.k = layers.Dense(dim)
        self.v = layers.Dense(dim)
        self.head = layers.Dense(num_classes)
        self.scale = dim ** -0.5

    def call(self, x):
        q, k, v = self.q(x), self.k(x), self.v(x)
        weights = ops.softmax(ops.matmul(q, ops.transpose(k, (0, 2, 1))) * self.scale, axis=-1)
        context = ops.matmul(weights, v)
        return self.head(ops.mean(context, axis=1))


sequence = keras.Input(shape=(20, 8))
logits = AttentionPool()(sequence)
