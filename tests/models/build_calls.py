"""Models given their input by model.build(...) -- and one never built."""

from keras.models import Sequential
from keras.layers import Dense, Conv2D, GlobalMaxPooling2D, LayerNormalization

model = Sequential()
model.add(Dense(64, activation="relu"))
model.add(LayerNormalization())
model.add(Dense(8))
model.build((None, 32))

conv = Sequential([
    Conv2D(16, 3, padding="same"),
    Conv2D(16, 3, strides=(2, 2)),
    GlobalMaxPooling2D(),
    Dense(3),
])
conv.build(input_shape=(None, 28, 28, 1))

deferred = Sequential([Dense(16, activation="relu"), Dense(1)])  # shape only known at fit()

fixed_batch = Sequential()
fixed_batch.add(Dense(4))
fixed_batch.build((8, 12))
