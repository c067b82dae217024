import unittest

import numpy as np
import keras


def make_model():
    inputs = keras.Input(shape=(8, 8, 2))
    x = keras.layers.Conv2D(4, 3, activation="relu")(inputs)
    outputs = keras.layers.Dense(10)(x)  # FLT001
    return keras.Model(inputs, outputs)


class ModelTest(unittest.TestCase):
    def test_call(self):
        model = make_model()
        x = np.zeros((2, 8, 8, 2), dtype="float32")
        self.assertEqual(tuple(model(x).shape), (2, 10))


if __name__ == "__main__":
    unittest.main()
