"""Text classifiers over token ids: Kim CNN, bidirectional LSTM, strided Conv1D."""

import keras
from keras import layers

MAX_FEATURES = 20000
SEQUENCE_LENGTH = 200
EMBEDDING_DIM = 128
KERNEL_SIZES = (3, 4, 5)

# Kim (2014) CNN: parallel convolutions of several widths, pooled then concatenated.
tokens = keras.Input(shape=(SEQUENCE_LENGTH,), dtype="int32", name="tokens")
embedded = layers.Embedding(MAX_FEATURES, EMBEDDING_DIM)(tokens)
embedded = layers.SpatialDropout1D(0.2)(embedded)


def conv_branch(x, kernel_size, filters=100):
    x = layers.Conv1D(filters, kernel_size, activation="relu")(x)
    return layers.GlobalMaxPooling1D()(x)


pooled = [conv_branch(embedded, size) for size in KERNEL_SIZES]
merged = layers.concatenate(pooled)
merged = layers.Dropout(0.5)(merged)
prediction = layers.Dense(1, activation="sigmoid")(merged)
kim_cnn = keras.Model(tokens, prediction, name="kim_cnn")

# keras-io "Bidirectional LSTM on IMDB": variable-length integer sequences.
inputs = keras.Input(shape=(None,), dtype="int32")
x = layers.Embedding(MAX_FEATURES, 128)(inputs)
x = layers.Bidirectional(layers.LSTM(64, return_sequences=True))(x)
x = layers.Bidirectional(layers.LSTM(64))(x)
outputs = layers.Dense(1, activation="sigmoid")(x)
bilstm = keras.Model(inputs, outputs)
bilstm.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])

# keras-io "Text classification from scratch" model, after the TextVectorization step.
inputs = keras.Input(shape=(None,), dtype="int64")
x = layers.Embedding(MAX_FEATURES, EMBEDDING_DIM)(inputs)
x = layers.Dropout(0.5)(x)
x = layers.Conv1D(128, 7, padding="valid", activation="relu", strides=3)(x)
x = layers.Conv1D(128, 7, padding="valid", activation="relu", strides=3)(x)
x = layers.GlobalMaxPooling1D()(x)
x = layers.Dense(128, activation="relu")(x)
x = layers.Dropout(0.5)(x)
predictions = layers.Dense(1, activation="sigmoid", name="predictions")(x)
scratch = keras.Model(inputs, predictions)

# Fixed-length GRU tagger: one label per token.
words = keras.Input(shape=(SEQUENCE_LENGTH,))
w = layers.Embedding(MAX_FEATURES, 64, mask_zero=True)(words)
w = layers.Bidirectional(layers.GRU(32, return_sequences=True), merge_mode="sum")(w)
w = layers.TimeDistributed(layers.Dense(9, activation="softmax"))(w)
tagger = keras.Model(words, w, name="gru_tagger")
