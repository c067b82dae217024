# Gating mechanism: a 10-unit sigmoid gate multiplied with a 20-unit feature vector.
from keras import Input, Model, layers

inputs = Input(shape=(8,))
features = layers.Dense(20, activation="relu")(inputs)
gate = layers.Dense(10, activation="sigmoid")(inputs)
gated = layers.Multiply()([features, gate])  # expect: FLT004
outputs = layers.Dense(1)(gated)
model = Model(inputs, outputs)
