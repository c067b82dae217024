from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Dense, Dropout


def build_mlp(n_features, hidden=(64, 32)):
    model = Sequential()
    model.add(Dense(hidden[0], activation="relu", input_shape=(n_features,)))
    model.add(Dropout(0.2))
    for units in hidden[1:]:
        model.add(Dense(units, activation="relu"))
    model.add(Dense(1))
    return model


model = build_mlp(13)
