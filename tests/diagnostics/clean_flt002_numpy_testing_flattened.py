# np.testing and unittest-style claims that hold: Flatten first, claims on output and output_shape.
import numpy as np
import tensorflow as tf
from tensorflow import keras

model = keras.Sequential([keras.layers.Flatten(input_shape=(3, 2)), keras.layers.Dense(4)])
prediction = model(tf.ones((5, 3, 2)))
np.testing.assert_equal(tuple(prediction.shape), (5, 4))
assert model.output_shape == (None, 4)
assert tuple(model.output_shape) == (None, 4)
