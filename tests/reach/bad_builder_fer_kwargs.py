from keras.models import Sequential
from keras.layers import Conv2D, MaxPooling2D, BatchNormalization, Dense, Dropout


def build_model(input_shape, num_classes, dropout=0.3):
    model = Sequential(name="fer_cnn")
    model.add(Conv2D(64, (3, 3), padding="same", activation="relu", input_shape=input_shape))
    model.add(BatchNormalization())
    model.add(MaxPooling2D((2, 2)))
    model.add(Dropout(dropout))
    model.add(Conv2D(128, (3, 3), padding="same", activation="relu"))
    model.add(MaxPooling2D((2, 2)))
    model.add(Dense(256, activation="relu"))  # FLT001
    model.add(Dense(num_classes, activation="softmax"))
    return model


model = build_model(input_shape=(48, 48, 1), num_classes=7)
