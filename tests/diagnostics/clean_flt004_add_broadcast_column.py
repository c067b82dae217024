# Add broadcasts a (None, 1) per-sample bias against (None, 6) logits: Keras accepts it.
from keras import Input, Model, layers

features = Input(shape=(12,))
logits = layers.Dense(6)(features)
bias = layers.Dense(1)(features)
shifted = layers.Add()([logits, bias])
model = Model(features, shifted)
assert model.output_shape == (None, 6)
