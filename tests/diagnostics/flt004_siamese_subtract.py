# Siamese network whose two towers were given different embedding sizes (32 vs 16) before Subtract.
import keras
from keras import layers

left = keras.Input(shape=(28, 28, 1))
right = keras.Input(shape=(28, 28, 1))
tower_a = layers.Dense(32)(layers.Flatten()(left))
tower_b = layers.Dense(16)(layers.Flatten()(right))
diff = layers.Subtract()([tower_a, tower_b])  # expect: FLT004
score = layers.Dense(1, activation="sigmoid")(diff)
siamese = keras.Model([left, right], score)
