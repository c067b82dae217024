"""Text CNN classifiers (Kim-style) using `from tensorflow import keras`."""

from tensorflow import keras

MAX_WORDS = 20000
MAXLEN = 200
EMBED_DIM = 100

classifier = keras.Sequential([
    keras.Input(shape=(MAXLEN,), dtype="int32"),
    keras.layers.Embedding(MAX_WORDS, EMBED_DIM),
    keras.layers.Dropout(0.2),
    keras.layers.Conv1D(128, 5, activation="relu"),
    keras.layers.MaxPooling1D(5),
    keras.layers.Conv1D(128, 5, activation="relu"),
    keras.layers.GlobalMaxPooling1D(),
    keras.layers.Dense(128, activation="relu"),
    keras.layers.Dense(1, activation="sigmoid"),
])

# Same idea, but the conv features go straight into Dense: per-position outputs.
buggy = keras.models.Sequential()
buggy.add(keras.layers.Embedding(MAX_WORDS, EMBED_DIM, input_shape=(MAXLEN,)))
buggy.add(keras.layers.Conv1D(64, 3, padding="valid", activation="relu", strides=1))
buggy.add(keras.layers.MaxPooling1D(pool_size=4))
buggy.add(keras.layers.Dense(64, activation="relu"))
buggy.add(keras.layers.Dense(2, activation="softmax"))
