"""Two MNIST multilayer perceptrons in the old `.add` style."""

from keras.models import Sequential
from keras.layers import Dense, Dropout, Activation

PIXELS = 28 * 28
HIDDEN = 512
CLASSES = 10

mlp = Sequential()
mlp.add(Dense(HIDDEN, input_dim=PIXELS))
mlp.add(Activation("relu"))
mlp.add(Dropout(0.2))
mlp.add(Dense(HIDDEN // 2))
mlp.add(Activation("relu"))
mlp.add(Dropout(0.2))
mlp.add(Dense(CLASSES))
mlp.add(Activation("softmax"))


def wide_mlp():
    hidden = HIDDEN * 2
    net = Sequential(name="wide_mlp")
    net.add(Dense(hidden, activation="relu", input_shape=(PIXELS,)))
    net.add(Dropout(0.3))
    net.add(Dense(hidden // 4, activation="relu"))
    net.add(Dense(CLASSES, activation="softmax"))
    return net


if __name__ == "__main__":
    wide = wide_mlp()
    mlp.compile(optimizer="sgd", loss="categorical_crossentropy")
