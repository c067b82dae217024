"""CIFAR-10 VGG-ish net built with a loop -- and the classic missing Flatten."""

from tensorflow.keras import layers, models

IMG = 32
CHANNELS = 3
FILTERS = [32, 64, 128]

model = models.Sequential()
model.add(layers.Input(shape=(IMG, IMG, CHANNELS)))
for f in FILTERS:
    model.add(layers.Conv2D(f, (3, 3), padding="same", activation="relu"))
    model.add(layers.BatchNormalization())
    model.add(layers.Conv2D(f, (3, 3), padding="same", activation="relu"))
    model.add(layers.MaxPooling2D((2, 2)))
    model.add(layers.Dropout(0.25))
model.add(layers.Dense(256, activation="relu"))  # forgot Flatten()
model.add(layers.Dropout(0.5))
model.add(layers.Dense(10, activation="softmax"))
