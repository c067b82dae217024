import keras


class Dense(keras.layers.Layer):
    """Our own Dense: flattens whatever it gets, then a fully connected layer."""

    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.flatten = keras.layers.Flatten()
        self.fc = keras.layers.Dense(units)

    def call(self, x):
        return self.fc(self.flatten(x))


model = keras.Sequential([
    keras.Input(shape=(3, 2)),
    Dense(16),
    keras.layers.Activation("relu"),
    Dense(4),
])
