class Dense:
    """A toy fully connected layer for a from-scratch tutorial."""

    def __init__(self, units, input_shape=None, activation=None):
        self.units = units
        self.input_shape = input_shape
        self.activation = activation


class Sequential:
    def __init__(self, layers=None):
        self.layers = list(layers or [])

    def add(self, layer):
        self.layers.append(layer)


model = Sequential()
model.add(Dense(16, input_shape=(3, 2)))
model.add(Dense(4))
print(len(model.layers))
