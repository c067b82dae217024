# A "shared" Dense encoder applied to two inputs of different widths: its kernel is built for 8.
import keras
from keras import layers

user = keras.Input(shape=(8,), name="user_features")
item = keras.Input(shape=(6,), name="item_features")
encoder = layers.Dense(4, activation="relu")
user_code = encoder(user)
item_code = encoder(item)  # expect: FLT004
score = layers.Dot(axes=1)([user_code, item_code])
model = keras.Model([user, item], score)
