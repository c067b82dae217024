"""A small text classifier: per-token FFN (deliberate), then pooled."""
import keras
from keras import layers


class TextClassifier(keras.Model):
    def __init__(self, vocab=1000, dim=32, heads=2, ff_dim=64, num_classes=2):
        super().__init__()
        self.embed = layers.Embedding(vocab, dim)
        self.att = layers.MultiHeadAttention(num_heads=heads, key_dim=dim)
        self.norm1 = layers.LayerNormalization(epsilon=1e-6)
        self.ffn1 = layers.Dense(ff_dim, activation="relu")
        self.ffn2 = layers.Dense(dim)
        self.norm2 = layers.LayerNormalization(epsilon=1e-6)
        self.pool = layers.GlobalAveragePooling1D()
        self.out = layers.Dense(num_classes, activation="softmax")

    def call(self, tokens):
        x = self.embed(tokens)
        x = self.norm1(x + self.att(x, x))
        x = self.norm2(x + self.ffn2(self.ffn1(x)))
        return self.out(self.pool(x))


tokens = keras.Input(shape=(50,), dtype="int32")
probs = TextClassifier()(tokens)
model = keras.Model(tokens, probs)
