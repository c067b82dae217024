import tensorflow as tf

tfk = tf.keras
tfkl = tfk.layers

maxlen, vocab_size, embed_dim, num_heads, ff_dim = 200, 20000, 32, 2, 32

inputs = tfkl.Input(shape=(maxlen,))
x = tfkl.Embedding(vocab_size, embed_dim)(inputs)
attn = tfkl.MultiHeadAttention(num_heads=num_heads, key_dim=embed_dim)(x, x)
x = tfkl.LayerNormalization(epsilon=1e-6)(x + attn)
ffn = tfkl.Dense(ff_dim, activation="relu")(x)
ffn = tfkl.Dense(embed_dim)(ffn)
x = tfkl.LayerNormalization(epsilon=1e-6)(x + ffn)
x = tfkl.GlobalAveragePooling1D()(x)
x = tfkl.Dropout(0.1)(x)
outputs = tfkl.Dense(2, activation="softmax")(x)
model = tfk.Model(inputs=inputs, outputs=outputs)
