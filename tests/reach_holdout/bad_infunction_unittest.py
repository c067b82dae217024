import unittest

import numpy as np
from keras.models import Sequential
from keras.layers import Dense


class TestRegressor(unittest.TestCase):
    def setUp(self):
        self.model = Sequential()
        self.model.add(Dense(16, activation='relu', input_shape=(3, 2)))  # FLT001
        self.model.add(Dense(1))
        self.model.compile(loss='mse', optimizer='sgd')

    def test_predict_runs(self):
        x = np.array([[[1, 2], [3, 4], [5, 6]]], dtype='float32')
        y = self.model.predict(x)
        self.assertEqual(len(y), 1)


if __name__ == '__main__':
    unittest.main()
