# np.testing on a model called on tf.ones: the prediction keeps the 3x2 rows of the input.
import numpy as np
import tensorflow as tf
from tensorflow import keras

model = keras.Sequential([keras.layers.Dense(16, input_shape=(3, 2)), keras.layers.Dense(4)])
prediction = model(tf.ones((1, 3, 2)))
np.testing.assert_equal(tuple(prediction.shape), (1, 4))  # expect: FLT002
