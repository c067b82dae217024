from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Dense


def create_model(timesteps, features):
    model = Sequential([
        Dense(32, activation="relu", input_shape=(timesteps, features)),  # FLT001
        Dense(16, activation="relu"),
        Dense(1),
    ])
    model.compile(optimizer="adam", loss="mse")
    return model


model = create_model(10, 3)
