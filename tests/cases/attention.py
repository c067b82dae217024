"""MultiHeadAttention(query, value[, key]): several inputs, as the merges."""

from . import Case, layer

CASES = [
    Case(layer("MultiHeadAttention", 2, 16), ((None, 10, 32), (None, 10, 32))),
    Case(layer("MultiHeadAttention", num_heads=4, key_dim=8), ((None, 7, 32), (None, 12, 16))),
    Case(layer("MultiHeadAttention", 2, 8, output_shape=12), ((None, 5, 32), (None, 5, 32))),
    Case(layer("MultiHeadAttention", 2, 8), ((None, None, 32), (None, None, 32))),
    Case(layer("MultiHeadAttention", 2, 8), ((None, 5, 32), (None, 6, 32), (None, 6, 16))),
]
