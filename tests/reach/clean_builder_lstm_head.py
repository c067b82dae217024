from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import LSTM, Dense


def create_model(timesteps, features):
    model = Sequential([
        LSTM(32, input_shape=(timesteps, features)),
        Dense(16, activation="relu"),
        Dense(1),
    ])
    model.compile(optimizer="adam", loss="mse")
    return model


model = create_model(10, 3)
