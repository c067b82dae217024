"""Merge layers over branches of known shapes: Average, Maximum, Multiply, axis=1."""

from keras import Input, Model, layers

FEATURES = 24

# Ensemble of three heads averaged (and max-voted) over one input.
inputs = Input(shape=(FEATURES,))
heads = []
for width in (64, 32, 16):
    h = layers.Dense(width, activation="relu")(inputs)
    heads.append(layers.Dense(3, activation="softmax")(h))
mean_vote = layers.Average()(heads)
max_vote = layers.Maximum()(heads)
ensemble = Model(inputs, [mean_vote, max_vote], name="ensemble")

# Gated linear unit over a sequence: values * sigmoid(gates).
seq = Input(shape=(50, 16))
values = layers.Conv1D(32, 3, padding="same")(seq)
gates = layers.Conv1D(32, 3, padding="same", activation="sigmoid")(seq)
gated = layers.Multiply()([values, gates])
gated = layers.GlobalAveragePooling1D()(gated)
glu = Model(seq, layers.Dense(1)(gated))

# Stack two sequences along time: (10, 16) and (5, 16) -> (15, 16).
history = Input(shape=(10, 16), name="history")
forecast_in = Input(shape=(5, 16), name="known_future")
timeline = layers.Concatenate(axis=1)([history, forecast_in])
timeline = layers.LSTM(32)(timeline)
forecaster = Model([history, forecast_in], layers.Dense(5)(timeline))

# Residual-style arithmetic between two inputs of the same shape.
before = Input(shape=(8, 8, 4))
after = Input(shape=(8, 8, 4))
change = layers.Subtract()([after, before])
total = layers.Add()([after, before])
both = layers.Maximum()([change, total])
both = layers.concatenate([change, total, both], axis=-1)
both = layers.Conv2D(8, 3, activation="relu")(both)
both = layers.Flatten()(both)
change_detector = Model(inputs=[before, after], outputs=layers.Dense(1)(both))
