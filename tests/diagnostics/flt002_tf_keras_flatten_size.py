# tf.keras feature extractor: 28 -> 26 -> 24 -> 12, so Flatten gives 12*12*8 = 1152 features, not 1568.
import numpy as np
import tensorflow as tf

model = tf.keras.Sequential([
    tf.keras.layers.Conv2D(8, 3, activation="relu", input_shape=(28, 28, 1)),
    tf.keras.layers.Conv2D(8, 3, activation="relu"),
    tf.keras.layers.MaxPooling2D(),
    tf.keras.layers.Flatten(),
])
x = np.zeros((2, 28, 28, 1))
features = model.predict(x, verbose=0)
assert features.shape == (2, 1568)  # expect: FLT002
