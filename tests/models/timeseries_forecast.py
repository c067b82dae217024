"""Time-series forecasters over a sliding window of sensor readings."""

import keras
from keras import layers

WINDOW = 48
FEATURES = 6
HORIZON = 12
N_STACK = 3


def conv_lstm_forecaster():
    model = keras.Sequential(name="conv_lstm")
    model.add(keras.Input(shape=(WINDOW, FEATURES)))
    model.add(layers.Conv1D(32, kernel_size=3, padding="causal", activation="relu"))
    model.add(layers.Conv1D(32, kernel_size=3, padding="causal", dilation_rate=2))
    model.add(layers.LSTM(64, return_sequences=True))
    model.add(layers.LSTM(32))
    model.add(layers.Dense(HORIZON * FEATURES))
    model.add(layers.Reshape((HORIZON, FEATURES)))
    return model


def stacked_gru(n_layers=N_STACK):
    model = keras.Sequential()
    model.add(layers.Input((WINDOW, FEATURES)))
    for i in range(N_STACK):
        model.add(layers.GRU(64, return_sequences=i < N_STACK - 1))
    model.add(layers.Dense(HORIZON))
    return model


def dense_baseline():
    return keras.Sequential([
        layers.Input(shape=(WINDOW, FEATURES)),
        layers.Flatten(),
        layers.Dense(128, activation="relu"),
        layers.Dense(HORIZON),
        layers.Reshape([HORIZON, 1]),
    ])


if __name__ == "__main__":
    forecasters = [conv_lstm_forecaster(), stacked_gru(), dense_baseline()]
