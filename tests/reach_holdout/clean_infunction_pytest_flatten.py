import numpy as np
from tensorflow import keras
from tensorflow.keras import layers


def test_model_output_shape():
    model = keras.Sequential([
        keras.Input(shape=(4, 4, 2)),
        layers.Conv2D(8, 2, activation="relu"),
        layers.Flatten(),
        layers.Dense(3, activation="softmax"),
    ])
    x = np.random.rand(5, 4, 4, 2)
    assert model.predict(x).shape == (5, 3)
