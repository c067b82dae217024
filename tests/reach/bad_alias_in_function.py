import keras


def make_classifier(num_classes=4):
    L = keras.layers
    model = keras.Sequential()
    model.add(L.Input(shape=(128, 128, 3)))
    model.add(L.Conv2D(16, 5, activation="relu"))
    model.add(L.MaxPooling2D(4))
    model.add(L.Conv2D(32, 3, activation="relu"))
    model.add(L.MaxPooling2D(2))
    model.add(L.Dense(num_classes, activation="softmax"))  # FLT001
    return model


clf = make_classifier()
