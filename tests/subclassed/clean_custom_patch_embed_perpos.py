"""ViT-style patch embedding as a custom layer; per-patch projection, then pooled."""
import keras
from keras import layers, ops


class PatchEmbedding(layers.Layer):
    def __init__(self, patch_size=4, dim=32):
        super().__init__()
        self.patch_size = patch_size
        self.conv = layers.Conv2D(dim, patch_size, strides=patch_size)
        self.proj = layers.Dense(dim)
        self.dim = dim

    def call(self, images):
        x = self.conv(images)
        x = ops.reshape(x, (-1, 8 * 8, self.dim))
        return self.proj(x)


inputs = keras.Input((32, 32, 3))
x = PatchEmbedding()(inputs)
x = layers.LayerNormalization()(x)
x = layers.GlobalAveragePooling1D()(x)
outputs = layers.Dense(10, activation="softmax")(x)
model = keras.Model(inputs, outputs)
