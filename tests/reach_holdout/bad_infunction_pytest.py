import numpy as np
from tensorflow import keras
from tensorflow.keras import layers


def test_model_predicts_one_row_per_sample():
    model = keras.Sequential([
        keras.Input(shape=(4, 4, 2)),
        layers.Conv2D(8, 2, activation="relu"),
        layers.Dense(3, activation="softmax"),  # FLT001
    ])
    x = np.random.rand(5, 4, 4, 2)
    preds = model.predict(x)
    assert preds.shape[0] == 5
