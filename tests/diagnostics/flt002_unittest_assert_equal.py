# Unit test of a 3-class tabular classifier whose softmax head was left with 2 units.
import unittest

import numpy as np
import keras
from keras import layers

N_FEATURES = 12
N_CLASSES = 3


class ClassifierShapeTest(unittest.TestCase):
    def test_predict_shape(self):
        model = keras.Sequential([
            keras.Input(shape=(N_FEATURES,)),
            layers.Dense(16, activation="relu"),
            layers.Dense(2, activation="softmax"),
        ])
        x = np.zeros((4, N_FEATURES))
        probs = model.predict(x, verbose=0)
        self.assertEqual(probs.shape, (4, N_CLASSES))  # expect: FLT002


if __name__ == "__main__":
    ClassifierShapeTest("test_predict_shape").test_predict_shape()
