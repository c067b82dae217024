import unittest

import numpy as np
from keras.models import Sequential
from keras.layers import Dense


class TestRegressor(unittest.TestCase):
    def setUp(self):
        self.model = Sequential()
        self.model.add(Dense(16, activation='relu', input_shape=(6,)))
        self.model.add(Dense(1))

    def test_shape(self):
        x = np.zeros((4, 6), dtype='float32')
        self.assertEqual(self.model.predict(x).shape, (4, 1))


if __name__ == '__main__':
    unittest.main()
