import numpy as np
from tensorflow import keras


def test_regressor_predicts_one_value_per_window():
    model = keras.Sequential([
        keras.layers.Dense(8, activation="relu", input_shape=(5, 4)),  # FLT001
        keras.layers.Dense(1),
    ])
    x = np.zeros((2, 5, 4), dtype="float32")
    assert model.predict(x, verbose=0).shape == (2, 1)
