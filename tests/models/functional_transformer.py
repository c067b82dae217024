"""Transformer-style encoder blocks on (sequence, features) inputs."""

import keras
from keras import layers

SEQ_LEN = 64
D_MODEL = 32
NUM_HEADS = 4
FF_DIM = 64


def feed_forward(x, d_model, ff_dim, rate=0.1):
    """Position-wise FFN: Dense acts on the last axis of every time step."""
    y = layers.Dense(ff_dim, activation="relu")(x)
    y = layers.Dense(d_model)(y)
    y = layers.Dropout(rate)(y)
    return layers.LayerNormalization(epsilon=1e-6)(layers.Add()([x, y]))


def encoder_block(x, num_heads, d_model, ff_dim):
    attention = layers.MultiHeadAttention(num_heads=num_heads, key_dim=d_model // num_heads)
    a = attention(x, x)
    a = layers.Dropout(0.1)(a)
    x = layers.LayerNormalization(epsilon=1e-6)(layers.Add()([x, a]))
    return feed_forward(x, d_model, ff_dim)


# Sequence classifier: project to d_model, two encoder blocks, pool.
inputs = keras.Input(shape=(SEQ_LEN, 16))
x = layers.Dense(D_MODEL)(inputs)
for _ in range(2):
    x = encoder_block(x, NUM_HEADS, D_MODEL, FF_DIM)
x = layers.GlobalAveragePooling1D()(x)
x = layers.Dropout(0.1)(x)
outputs = layers.Dense(5, activation="softmax")(x)
classifier = keras.Model(inputs, outputs, name="transformer_classifier")


# keras-io "Timeseries classification with a Transformer model": Conv1D(k=1) as the FFN.
def transformer_encoder(inputs, head_size, num_heads, ff_dim, dropout=0.0):
    x = layers.MultiHeadAttention(key_dim=head_size, num_heads=num_heads, dropout=dropout)(inputs, inputs)
    x = layers.Dropout(dropout)(x)
    x = layers.LayerNormalization(epsilon=1e-6)(x)
    res = layers.add([x, inputs])
    x = layers.Conv1D(filters=ff_dim, kernel_size=1, activation="relu")(res)
    x = layers.Dropout(dropout)(x)
    x = layers.Conv1D(filters=inputs.shape[-1], kernel_size=1)(x)
    x = layers.LayerNormalization(epsilon=1e-6)(x)
    return layers.add([x, res])


series = keras.Input(shape=(500, 1))
h = series
for _ in range(2):
    h = transformer_encoder(h, head_size=32, num_heads=2, ff_dim=4, dropout=0.25)
h = layers.GlobalAveragePooling1D(data_format="channels_first")(h)
for dim in [64]:
    h = layers.Dense(dim, activation="relu")(h)
    h = layers.Dropout(0.4)(h)
ts_transformer = keras.Model(series, layers.Dense(2, activation="softmax")(h))

# Token model, one block inline; per-token logits (Dense on a 3D tensor).
VOCAB = 5000
token_ids = keras.Input(shape=(SEQ_LEN,), dtype="int32")
e = layers.Embedding(VOCAB, D_MODEL)(token_ids)
ff = layers.Dense(FF_DIM, activation="gelu")(e)
ff = layers.Dense(D_MODEL)(ff)
e = layers.LayerNormalization()(layers.Add()([e, ff]))
token_logits = layers.Dense(VOCAB)(e)
token_model = keras.Model(token_ids, token_logits, name="token_ffn")
