# Layers created first and applied later: the conv layer object is called on a rank-2 Dense output.
import keras
from keras import layers

encoder = layers.Dense(64, activation="relu")
conv = layers.Conv2D(8, 3, activation="relu")
pool = layers.GlobalAveragePooling2D()

inputs = keras.Input(shape=(10,))
h = encoder(inputs)
y = conv(h)  # expect: FLT004
z = pool(y)
model = keras.Model(inputs, z)
