from tensorflow import keras
from tensorflow.keras import layers


def small_cnn(input_shape, classes=10):
    inputs = keras.Input(shape=input_shape)
    x = layers.Conv2D(32, 3, activation="relu")(inputs)
    x = layers.MaxPooling2D()(x)
    x = layers.Conv2D(64, 3, activation="relu")(x)
    x = layers.Dense(classes, activation="softmax")(x)  # FLT001
    return keras.Model(inputs, x)


mnist_model = small_cnn((28, 28, 1))
cifar_model = small_cnn((32, 32, 3), classes=100)
