import keras as K

layers = K.layers

model = K.Sequential(
    [
        layers.Input(shape=(12, 12, 4)),
        layers.Conv2D(16, 3, padding="same"),
        layers.Activation("relu"),
        layers.AveragePooling2D(2),
        layers.Dense(32, activation="relu"),  # FLT001
        layers.Dense(2, activation="softmax"),
    ]
)
