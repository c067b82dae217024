import numpy as np
import keras
from keras import layers


def main():
    x = np.random.rand(16, 10, 8).astype("float32")
    model = keras.Sequential([
        keras.Input(shape=(10, 8)),
        layers.GRU(32, return_sequences=True),
        layers.TimeDistributed(layers.Dense(16, activation="relu")),
        layers.Dense(1, activation="sigmoid"),
    ])
    print(model.predict(x).shape)  # one probability per timestep


if __name__ == "__main__":
    main()
