from tensorflow import keras
from tensorflow.keras import layers


def create_model(timesteps=30, n_features=5, units=64):
    inputs = keras.Input(shape=(timesteps, n_features))
    x = layers.LSTM(units)(inputs)
    x = layers.Dropout(0.2)(x)
    outputs = layers.Dense(1)(x)
    return keras.Model(inputs, outputs)


model = create_model()
