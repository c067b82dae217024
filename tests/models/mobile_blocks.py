"""MobileNet-like classifier with depthwise/separable convolutions."""

import keras
from keras import layers

IMG_SIZE = 96
ALPHA_FILTERS = [64, 128, 128, 256]
STRIDES = [1, 2, 1, 2]


# static-gaps: num_classes is a parameter, so the head's channel count is unknown.
def mobile_classifier(num_classes):
    model = keras.Sequential(name="mobile")
    model.add(keras.Input(shape=(IMG_SIZE, IMG_SIZE, 3)))
    model.add(layers.Rescaling(1.0 / 127.5, offset=-1))
    model.add(layers.Conv2D(32, 3, strides=2, padding="same", use_bias=False))
    model.add(layers.BatchNormalization())
    model.add(layers.ReLU(6.0))
    for i in range(4):
        model.add(layers.DepthwiseConv2D(3, strides=STRIDES[i], padding="same", use_bias=False))
        model.add(layers.BatchNormalization())
        model.add(layers.ReLU(max_value=6))
        model.add(layers.Conv2D(ALPHA_FILTERS[i], 1, use_bias=False))
    model.add(layers.SeparableConv2D(512, 3, padding="same", depth_multiplier=1))
    model.add(layers.GlobalAveragePooling2D(keepdims=True))
    model.add(layers.Dropout(1e-3))
    model.add(layers.Conv2D(num_classes, 1, padding="same"))
    model.add(layers.Reshape((num_classes,)))
    model.add(layers.Activation("softmax"))
    return model


def separable_1d():
    return keras.Sequential([
        keras.Input(shape=(128, 16)),
        layers.SeparableConv1D(32, 5, depth_multiplier=2, activation="relu"),
        layers.DepthwiseConv1D(3, strides=2),
        layers.GlobalAveragePooling1D(),
        layers.Dense(4),
    ])


if __name__ == "__main__":
    m = mobile_classifier(num_classes=1000)
    s = separable_1d()
