import keras
from keras import layers


def get_model(img_size=(64, 64), channels=3, num_classes=2):
    inputs = keras.Input(shape=img_size + (channels,))
    x = layers.Conv2D(32, 3, strides=2, activation="relu")(inputs)
    x = layers.Conv2D(64, 3, activation="relu")(x)
    x = layers.GlobalAveragePooling2D()(x)
    outputs = layers.Dense(num_classes, activation="softmax")(x)
    return keras.Model(inputs, outputs)


model = get_model(img_size=(128, 128), channels=1)
