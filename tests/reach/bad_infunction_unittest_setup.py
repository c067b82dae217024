import unittest

import keras
from keras import layers


class ClassifierTest(unittest.TestCase):
    def setUp(self):
        self.model = keras.Sequential([
            keras.Input(shape=(32, 32, 3)),
            layers.Conv2D(16, 3, activation="relu"),
            layers.MaxPooling2D(),
            layers.Dense(10, activation="softmax"),  # FLT001
        ])

    def test_output_shape(self):
        self.assertEqual(self.model.output_shape, (None, 10))


if __name__ == "__main__":
    unittest.main()
