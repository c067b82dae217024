import unittest

import numpy as np
from keras.models import Sequential
from keras.layers import Dense, Activation


class ShapeTest(unittest.TestCase):
    def test_predict_shape(self):
        model = Sequential()
        model.add(Dense(16, input_shape=(3, 2)))  # FLT001
        model.add(Activation("relu"))
        model.add(Dense(4))
        x = np.array([[[1, 2], [3, 4], [5, 6]]])
        self.assertEqual(model.predict(x, verbose=0).shape, (1, 4))


if __name__ == "__main__":
    unittest.main()
