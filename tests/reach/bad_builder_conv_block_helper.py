from keras.layers import Input, Conv2D, BatchNormalization, Activation, MaxPooling2D, Dense
from keras.models import Model


def conv_block(x, filters):
    x = Conv2D(filters, (3, 3), padding="same")(x)
    x = BatchNormalization()(x)
    x = Activation("relu")(x)
    return MaxPooling2D((2, 2))(x)


def build(shape, classes):
    inputs = Input(shape=shape)
    x = conv_block(inputs, 32)
    x = conv_block(x, 64)
    x = Dense(128, activation="relu")(x)  # FLT001
    outputs = Dense(classes, activation="softmax")(x)
    return Model(inputs, outputs)


model = build((48, 48, 1), 7)
