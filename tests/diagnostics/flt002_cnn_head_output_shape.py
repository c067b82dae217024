# MNIST CNN whose head forgot Flatten: output_shape is (None, 13, 13, 10), not the asserted (None, 10).
import keras
from keras import layers

model = keras.Sequential([
    keras.Input(shape=(28, 28, 1)),
    layers.Conv2D(8, 3, activation="relu"),
    layers.MaxPooling2D(),
    layers.Dense(10, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
assert model.output_shape == (None, 10)  # expect: FLT002
