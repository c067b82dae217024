"""Several models in one module: inline, returned, passed straight to a helper."""

import keras
from keras import layers

FEATURES = 20


def fit_quietly(model):
    model.compile(optimizer="adam", loss="mse")
    return model


fit_quietly(keras.Sequential([layers.Input(shape=(FEATURES,)), layers.Dense(1)]))

wide = keras.Sequential(
    [
        layers.Input(shape=(FEATURES,)),
        layers.Dense(FEATURES * 8, activation="relu"),
        layers.Dense(1),
    ],
    name="wide",
)

deep = keras.models.Sequential(
    name="deep")
deep.add(layers.Input(shape=(FEATURES,)))
for width in [256, 128, 64, 32]:
    deep.add(layers.Dense(width, activation="relu"))
    deep.add(layers.Dropout(0.1))
deep.add(layers.Dense(1))


def make_head(units=4):
    return keras.Sequential([layers.Dense(units)])


head = make_head()

ensemble = [
    keras.Sequential([layers.Input(shape=(FEATURES,)), layers.Dense(8), layers.Dense(1)]),
    keras.Sequential([layers.Input(shape=(FEATURES, 2)), layers.Dense(8), layers.Flatten(),
                      layers.Dense(1)]),
]
