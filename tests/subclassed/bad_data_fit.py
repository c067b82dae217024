import numpy as np
import keras
from keras import layers

x_train = np.zeros((16, 28, 28, 1), dtype="float32")
y_train = np.zeros((16,), dtype="int32")


class Classifier(keras.Model):
    def __init__(self):
        super().__init__()
        self.conv = layers.Conv2D(8, 3, activation="relu")
        self.pool = layers.MaxPooling2D(2)
        self.hidden = layers.Dense(32, activation="relu")  # FLT001
        self.out = layers.Dense(10, activation="softmax")

    def call(self, x):
        return self.out(self.hidden(self.pool(self.conv(x))))


model = Classifier()
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(x_train, y_train, epochs=1, batch_size=8, verbose=0)
