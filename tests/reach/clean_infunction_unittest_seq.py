import unittest

from keras.models import Sequential
from keras.layers import LSTM, TimeDistributed, Dense


class Seq2SeqTest(unittest.TestCase):
    def test_one_prediction_per_step(self):
        model = Sequential()
        model.add(LSTM(20, input_shape=(5, 1), return_sequences=True))
        model.add(TimeDistributed(Dense(1)))
        self.assertEqual(model.output_shape, (None, 5, 1))


if __name__ == "__main__":
    unittest.main()
