from keras.models import Sequential
from keras.layers import Input, Dense


def make_mlp(input_shape, hidden, n_out):
    model = Sequential()
    model.add(Input(shape=input_shape))
    for h in hidden:
        model.add(Dense(h, activation='relu'))  # FLT001
    model.add(Dense(n_out))
    return model


mlp = make_mlp(input_shape=(12, 4), hidden=[64, 32], n_out=1)
mlp.compile(loss='mse', optimizer='adam')
