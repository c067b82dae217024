import keras
from keras import layers


def experiment(n_classes):
    def block(x, filters):
        x = layers.Conv1D(filters, 3, padding="same", activation="relu")(x)
        return layers.MaxPooling1D(2)(x)

    inp = keras.Input(shape=(128, 9))
    x = block(inp, 32)
    x = block(x, 64)
    out = layers.Dense(n_classes, activation="softmax")(x)  # FLT001
    return keras.Model(inp, out)


def run():
    model = experiment(6)
    model.compile(optimizer="adam", loss="categorical_crossentropy")
    return model


if __name__ == "__main__":
    run()
